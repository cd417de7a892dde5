import { getEnv } from '~/lib/env.server'
import type { PlatformFee } from './split'

/** The operator's platform fee (PLATFORM_FEE_PERCENT, PLATFORM_FEE_FIXED_CENTS). */
export function platformFee(): PlatformFee {
  const env = getEnv()
  return { percent: env.PLATFORM_FEE_PERCENT, fixedCents: env.PLATFORM_FEE_FIXED_CENTS }
}

import { prisma } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import { logger } from '~/lib/logger.server'
import { checkoutLifetimeMs } from '~/lib/payments/checkout-session.server'
import { expireStalePendingOrders } from '~/models/order/transitions.server'
import { deleteRunOutHolds } from '~/models/exclusive.server'

// A PENDING order whose checkout was abandoned (the built-in test checkout has no expiry event) or
// never opened (Stripe refused, the process died in between) would stay PENDING forever. A sweep
// expires it once its checkout can no longer be paid. Stripe's own checkout.session.expired event
// usually gets there first; the grace leaves it the time to.

/** How long after a checkout's expiry the sweep steps in. */
const GRACE_MS = 5 * 60_000
const SWEEP_INTERVAL_MS = 5 * 60_000

/** Expires every PENDING order whose checkout ended before `now` (less the grace); returns how many. */
export async function expireAbandonedCheckouts(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - GRACE_MS)
  // An order without a checkout is judged by the lifetime it would have had from its creation.
  const lifetimeMs = checkoutLifetimeMs(getEnv().CHECKOUT_EXPIRES_MINUTES)
  // Exclusive holds end at their checkout's expiry, grace or not: a hold that ran out is free
  // already (takeExclusiveHold); this only removes the rows.
  await deleteRunOutHolds(prisma, now)
  return expireStalePendingOrders(prisma, { expiredBefore: cutoff, createdBefore: new Date(cutoff.getTime() - lifetimeMs) })
}

/** Sweeps at start and then every `intervalMs` until stopped; `stop()` waits for a sweep in progress. */
export function startCheckoutExpirySweep({ intervalMs = SWEEP_INTERVAL_MS, clock = () => new Date() } = {}) {
  let current: Promise<unknown> = Promise.resolve()
  const sweep = () => {
    current = expireAbandonedCheckouts(clock())
      .then((count) => {
        if (count) logger.info({ count }, 'expired abandoned checkouts')
      })
      .catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'checkout expiry sweep failed'))
  }
  sweep()
  const timer = setInterval(sweep, intervalMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await current
  }
}

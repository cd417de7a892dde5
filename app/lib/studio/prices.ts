import { z } from 'zod'
import { LICENSE_TIERS, TIER_IDS, type TierId } from '~/lib/tiers'

// Tier prices are typed in dollars ("24.99") and stored as integer cents, never floats.

const MIN_PRICE_CENTS = 100
const MAX_PRICE_CENTS = 1_000_000

const PRICE_MESSAGE = 'Enter a price between $1.00 and $10,000.00, like 29.99.'

/** "29.99" / "$1,000" / "30" → cents; anything else (negative, 3 decimals, 1e5) is refused. */
export const priceSchema = z
  .string({ error: PRICE_MESSAGE })
  .trim()
  .transform((raw, ctx) => {
    const cleaned = raw.replace(/^\$/, '').replace(/,/g, '')
    const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(cleaned)
    if (!match) {
      ctx.addIssue({ code: 'custom', message: PRICE_MESSAGE })
      return z.NEVER
    }
    return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'))
  })
  .pipe(z.number().int().min(MIN_PRICE_CENTS, PRICE_MESSAGE).max(MAX_PRICE_CENTS, PRICE_MESSAGE))

const tierShape = Object.fromEntries(
  TIER_IDS.flatMap((t) => [
    [`${t}.enabled`, z.string().optional().transform((v) => v === 'on' || v === 'true')],
    // An opt-in tier (Exclusive) left blank keeps its default price; forms from before it existed still parse.
    [`${t}.price`, LICENSE_TIERS[t].offeredByDefault ? priceSchema : z.preprocess((v) => (v === '' ? undefined : v), priceSchema.optional())],
  ]),
) as Record<string, z.ZodType>

export type TierSettings = Record<TierId, { enabled: boolean; priceCents: number }>

/** The tier form: `BASIC.enabled`, `BASIC.price`, …; a disabled tier still keeps a valid price. */
export const tierSettingsSchema = z.object(tierShape).transform((v): TierSettings => {
  const values = v as Record<string, unknown>
  return Object.fromEntries(
    TIER_IDS.map((t) => [
      t,
      { enabled: values[`${t}.enabled`] as boolean, priceCents: (values[`${t}.price`] as number | undefined) ?? LICENSE_TIERS[t].defaultPriceCents },
    ]),
  ) as TierSettings
})

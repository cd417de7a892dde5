import { z } from 'zod'
import { TIER_IDS, type TierId } from '~/lib/tiers'
import { priceSchema } from '~/lib/studio/prices'

// The studio's "new private link" form. Prices are typed in dollars ("15", "14.99") and stored in
// cents; an empty price means the beat's own price.

const optionalPrice = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), priceSchema.optional())

export const NewPrivateLinkSchema = z
  .object({
    beatIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid('Choose beats from the list.')).min(1, 'Choose at least one beat.').max(20, 'A link can hold at most 20 beats.')),
    expiresAt: z.preprocess(
      (v) => (typeof v === 'string' && v ? new Date(v) : undefined),
      z.date({ message: 'Choose when the link expires.' }).refine((d) => !Number.isNaN(d.getTime()), 'Choose when the link expires.'),
    ),
    note: z.string().trim().max(500, 'Keep the note under 500 characters.').default(''),
    purchaseCap: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.coerce.number().int('Enter a whole number of purchases.').min(1, 'Allow at least one purchase, or leave it empty for no cap.').max(10_000).nullable(),
    ),
    ...Object.fromEntries(TIER_IDS.map((tier) => [`price_${tier}`, optionalPrice])),
  })
  .transform((form) => {
    const raw = form as typeof form & Record<string, number | undefined>
    const tierPrices: Partial<Record<TierId, number>> = {}
    for (const tier of TIER_IDS) if (raw[`price_${tier}`] !== undefined) tierPrices[tier] = raw[`price_${tier}`]
    return { beatIds: [...new Set(form.beatIds)], expiresAt: form.expiresAt, note: form.note, purchaseCap: form.purchaseCap, tierPrices }
  })

export type NewPrivateLink = z.output<typeof NewPrivateLinkSchema>

import { z } from 'zod'
import { TIER_IDS } from '~/lib/tiers'
import { MAX_CART_LINES } from './lines'

// Server-side validation of cart lines (pricing endpoint, checkout action). Kept apart from
// ./lines.ts so the browser bundle, which loads the cart on every page, does not carry zod.

export const CartLineSchema = z.object({
  beatId: z.uuid({ message: 'Not a valid beat id.' }),
  tier: z.enum(TIER_IDS, { message: 'Unknown license tier.' }),
  upgrade: z.object({ itemId: z.uuid({ message: 'Not a valid license id.' }), proof: z.string().min(1).max(200) }).optional(),
  via: z.string().regex(/^[0-9A-Za-z]{12}$/, 'Not a valid private link.').optional(),
})

export const CartLinesSchema = z
  .array(CartLineSchema)
  .min(1, 'Your cart is empty.')
  .max(MAX_CART_LINES, `A checkout can hold at most ${MAX_CART_LINES} beats. Remove some and check out the rest first.`)
  .superRefine((lines, ctx) => {
    const seen = new Set<string>()
    lines.forEach((line, index) => {
      if (seen.has(line.beatId))
        ctx.addIssue({ code: 'custom', path: [index, 'beatId'], message: 'This beat is in the cart twice.' })
      seen.add(line.beatId)
    })
  })

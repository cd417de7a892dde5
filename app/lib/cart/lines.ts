import { z } from 'zod'
import { TIER_IDS, type TierId } from '~/lib/tiers'

// The shape of cart lines shared by the browser store, the pricing endpoint and the checkout
// action. Only ids and tiers: prices always come from the server.

/** Stripe Checkout in payment mode accepts at most 100 line items. */
export const MAX_CART_LINES = 100

export interface CartLine {
  beatId: string
  tier: TierId
}

export const CartLineSchema = z.object({
  beatId: z.uuid({ message: 'Not a valid beat id.' }),
  tier: z.enum(TIER_IDS, { message: 'Unknown license tier.' }),
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

/** Query-string form used by the pricing endpoint: `<beatId>.<TIER>`. */
export function encodeLine(line: CartLine) {
  return `${line.beatId}.${line.tier}`
}

export function decodeLine(value: string): { beatId: string; tier: string } {
  const dot = value.lastIndexOf('.')
  return dot < 0 ? { beatId: value, tier: '' } : { beatId: value.slice(0, dot), tier: value.slice(dot + 1) }
}

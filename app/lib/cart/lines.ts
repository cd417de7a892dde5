import { isTierId, type TierId } from '~/lib/tiers'

// The shape of cart lines shared by the browser store, the pricing endpoint and the checkout
// action. Only ids and tiers: prices always come from the server.

/** Stripe Checkout in payment mode accepts at most 100 line items. */
export const MAX_CART_LINES = 100

export interface CartLine {
  beatId: string
  tier: TierId
  /** Added from a producer's private link: priced at the link's price while the link is open. */
  via?: string
}

const LINK_ID = /^[0-9A-Za-z]{12}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Browser-side check of one stored line (localStorage is untrusted). The server re-validates
 * everything with ./schema.ts; this only keeps junk out of the cart UI.
 */
export function isCartLine(value: unknown): value is CartLine {
  if (typeof value !== 'object' || value === null) return false
  const { beatId, tier, via } = value as Record<string, unknown>
  return typeof beatId === 'string' && UUID.test(beatId) && isTierId(tier) && (via === undefined || (typeof via === 'string' && LINK_ID.test(via)))
}

/** Query-string form used by the pricing endpoint: `<beatId>.<TIER>` or `<beatId>.<TIER>.<linkId>`. */
export function encodeLine(line: CartLine) {
  return line.via ? `${line.beatId}.${line.tier}.${line.via}` : `${line.beatId}.${line.tier}`
}

export function decodeLine(value: string): { beatId: string; tier: string; via?: string } {
  const [beatId = '', tier = '', via] = value.split('.')
  return via === undefined ? { beatId, tier } : { beatId, tier, via }
}

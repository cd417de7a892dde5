import { isTierId, type TierId } from '~/lib/tiers'

// The shape of cart lines shared by the browser store, the pricing endpoint and the checkout
// action. Only ids and tiers: prices always come from the server.

/** Stripe Checkout in payment mode accepts at most 100 line items. */
export const MAX_CART_LINES = 100

export interface CartLine {
  beatId: string
  tier: TierId
  /** An upgrade of a license the buyer holds: that line, and the order page's proof of holding it. */
  upgrade?: { itemId: string; proof: string }
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
  const { beatId, tier, upgrade, via } = value as Record<string, unknown>
  return (
    typeof beatId === 'string' &&
    UUID.test(beatId) &&
    isTierId(tier) &&
    (upgrade === undefined || isUpgrade(upgrade)) &&
    (via === undefined || (typeof via === 'string' && LINK_ID.test(via)))
  )
}

function isUpgrade(value: unknown): value is CartLine['upgrade'] {
  if (typeof value !== 'object' || value === null) return false
  const { itemId, proof } = value as Record<string, unknown>
  return typeof itemId === 'string' && UUID.test(itemId) && typeof proof === 'string' && proof.length < 200
}

/** The cart link an "Upgrade" button opens: `/cart?upgrade=<beatId>.<TIER>.<itemId>.<proof>`. */
export function upgradeCartHref(beatId: string, tier: TierId, itemId: string, proof: string): string {
  return `/cart?upgrade=${encodeURIComponent(`${beatId}.${tier}.${itemId}.${proof}`)}`
}

export function parseUpgradeParam(value: string): CartLine | null {
  const [beatId, tier, itemId, ...proof] = value.split('.')
  const line = { beatId, tier, upgrade: { itemId, proof: proof.join('.') } }
  return isCartLine(line) ? line : null
}

/** Query-string form used by the pricing endpoint: `<beatId>.<TIER>` or `<beatId>.<TIER>.<linkId>`. */
export function encodeLine(line: CartLine) {
  return line.via ? `${line.beatId}.${line.tier}.${line.via}` : `${line.beatId}.${line.tier}`
}

export function decodeLine(value: string): { beatId: string; tier: string; via?: string } {
  const [beatId = '', tier = '', via] = value.split('.')
  return via === undefined ? { beatId, tier } : { beatId, tier, via }
}

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
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Browser-side check of one stored line (localStorage is untrusted). The server re-validates
 * everything with ./schema.ts; this only keeps junk out of the cart UI.
 */
export function isCartLine(value: unknown): value is CartLine {
  if (typeof value !== 'object' || value === null) return false
  const { beatId, tier, upgrade } = value as Record<string, unknown>
  return typeof beatId === 'string' && UUID.test(beatId) && isTierId(tier) && (upgrade === undefined || isUpgrade(upgrade))
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

/** Query-string form used by the pricing endpoint: `<beatId>.<TIER>`. */
export function encodeLine(line: CartLine) {
  return `${line.beatId}.${line.tier}`
}

export function decodeLine(value: string): { beatId: string; tier: string } {
  const dot = value.lastIndexOf('.')
  return dot < 0 ? { beatId: value, tier: '' } : { beatId: value.slice(0, dot), tier: value.slice(dot + 1) }
}

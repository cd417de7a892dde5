import { isTierId, type TierId } from '~/lib/tiers'

// The rules of a private link, pure: whether it still sells, and at what price.

/** A link id as newLinkId makes it: 12 base62 characters. */
export const LINK_ID_PATTERN = /^[0-9A-Za-z]{12}$/

export type LinkState = 'open' | 'expired' | 'revoked' | 'used-up'

export interface LinkFacts {
  expiresAt: Date
  revokedAt: Date | null
  purchaseCap: number | null
}

/** Revoked wins over expired, expired over used up: the most useful thing to tell a visitor. */
export function linkState(link: LinkFacts, purchases: number, now: Date): LinkState {
  if (link.revokedAt) return 'revoked'
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired'
  if (link.purchaseCap !== null && purchases >= link.purchaseCap) return 'used-up'
  return 'open'
}

const GONE: Record<Exclude<LinkState, 'open'>, string> = {
  expired: 'This private link has expired. Ask the producer for a new one.',
  revoked: 'The producer has closed this private link. Ask them for a new one.',
  'used-up': 'This private link has been used as many times as the producer allowed. Ask them for a new one.',
}

export function linkGoneMessage(state: Exclude<LinkState, 'open'>): string {
  return GONE[state]
}

/** Stored as JSON; only well-formed tier → whole-cent entries count. */
export function parseTierPrices(value: unknown): Partial<Record<TierId, number>> {
  const prices: Partial<Record<TierId, number>> = {}
  if (typeof value !== 'object' || value === null) return prices
  for (const [tier, cents] of Object.entries(value)) {
    if (isTierId(tier) && Number.isInteger(cents) && (cents as number) >= 0) prices[tier] = cents as number
  }
  return prices
}

/** The link's price for a tier, or the beat's own price when the link sets none. */
export function linkPrice(tierPrices: Partial<Record<TierId, number>>, tier: TierId, beatPriceCents: number): number {
  return tierPrices[tier] ?? beatPriceCents
}

import { formatPrice } from '~/lib/money'
import { LICENSE_TIERS } from '~/lib/tiers'

// The shapes of the discounts priceOrder understands, and the words that describe them. Tiers are
// plain strings here so a tier added later (Exclusive) flows through without a change.

/** Exclusive lines are discounted only when the deal or code says so. */
const EXCLUSIVE_TIER = 'EXCLUSIVE'

interface DealBase {
  id: string
  producerId: string
  producerName: string
  /** Off by default: an Exclusive line never counts towards or gets a deal unless set. */
  includeExclusive?: boolean
}

/** "Buy N, get M free": for every N+M qualifying lines, M go free (the cheapest). `tier` null = any tier. */
interface BuyGetDeal extends DealBase {
  kind: 'BUY_GET'
  tier: string | null
  buyQuantity: number
  freeQuantity: number
}

/** "N for $X": every N qualifying lines of one tier cost X together (the most expensive are grouped first). */
interface BundleDeal extends DealBase {
  kind: 'BUNDLE'
  tier: string
  quantity: number
  priceCents: number
}

export type DealToApply = BuyGetDeal | BundleDeal

/** A code the buyer typed, already checked for dates, uses and email by the caller. */
export interface CodeToApply {
  code: string
  /** null: store-wide. */
  producerId: string | null
  producerName?: string
  /** Exactly one of percentOff (1–100) and amountOffCents is set. */
  percentOff: number | null
  amountOffCents: number | null
  /** Off: lines that got a bulk deal are not discounted again by the code. */
  stacksWithDeals: boolean
  includeExclusive?: boolean
  /** Empty: every tier. */
  tiers: readonly string[]
  /** Empty: every beat. */
  beatIds: readonly string[]
  minLines: number | null
  minSubtotalCents: number | null
}

export function tierLabel(tier: string): string {
  const known = (LICENSE_TIERS as Record<string, { label: string } | undefined>)[tier]
  return known?.label ?? tier.charAt(0) + tier.slice(1).toLowerCase()
}

function plural(n: number, word: string) {
  return n === 1 ? word : `${word}s`
}

/** "Buy 2 Basic, get 1 free" / "3 Basic for $60": the deal in a few words. */
export function dealTitle(deal: DealToApply, currency = 'usd'): string {
  if (deal.kind === 'BUY_GET') {
    const what = deal.tier ? ` ${tierLabel(deal.tier)}` : ''
    return `Buy ${deal.buyQuantity}${what}, get ${deal.freeQuantity} free`
  }
  return `${deal.quantity} ${tierLabel(deal.tier)} for ${formatPrice(deal.priceCents, currency)}`
}

/** "1 more Basic license" / "2 more beats". */
export function moreLines(n: number, tier: string | null): string {
  return tier ? `${n} more ${tierLabel(tier)} ${plural(n, 'license')}` : `${n} more ${plural(n, 'beat')}`
}

/** "20% off" / "$5 off". */
export function codeAmountText(code: Pick<CodeToApply, 'percentOff' | 'amountOffCents'>, currency = 'usd'): string {
  return code.percentOff !== null ? `${code.percentOff}% off` : `${formatPrice(code.amountOffCents ?? 0, currency)} off`
}

export function qualifiesForTier(lineTier: string, ruleTier: string | null, includeExclusive = false): boolean {
  if (lineTier === EXCLUSIVE_TIER && !includeExclusive) return false
  return ruleTier === null || ruleTier === lineTier
}

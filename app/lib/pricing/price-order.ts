import { applyCode, type CodeOutcome } from './code'
import { applyDeals, type DealHint, type WorkLine } from './deals'
import type { CodeToApply, DealToApply } from './rules'

// The one pricing function. Every amount the store shows, charges, records, refunds or transfers
// for an order line comes from `priceOrder`: the cart preview, checkout, the Stripe amounts, the
// receipt, the producer's sales and the refunds. Pure and deterministic: same input, same output,
// and a line's result does not depend on the order the lines come in (every choice is by amount,
// then by line key).
//
// In order, each step working on what the line costs after the one before:
//   1. list price (the tier's current price), less any upgrade credit, never below zero;
//   2. each producer's bulk deals on that producer's lines (./deals.ts says which lines);
//   3. at most one code (./code.ts says which lines it covers).
// Every discount is split across lines with largest-remainder rounding, so each line's paid
// amount is exact and the lines add up to the total.

export type { CodeToApply, DealToApply } from './rules'

/** Why a line costs less than its list price; shown to the buyer and frozen on the order line. */
export interface Adjustment {
  kind: 'upgrade-credit' | 'deal' | 'code'
  /** A person's words: "Credit for your Basic license", "Buy 2, get 1 free (Mara Sol)", "Code SPRING10". */
  label: string
  /** Positive: the amount taken off this line. */
  cents: number
}

export interface LineToPrice {
  /** The caller's key for the line (cart index or order item id); echoed back. Unique. */
  key: string
  producerId: string
  beatId: string
  tier: string
  listPriceCents: number
  /** Upgrade lines: what was paid for the superseded line. */
  creditCents?: number
}

interface PricedOrderLine {
  key: string
  listPriceCents: number
  adjustments: Adjustment[]
  /** listPriceCents minus every adjustment; never negative. */
  paidCents: number
}

export interface PricedOrder {
  lines: PricedOrderLine[]
  subtotalCents: number
  discountCents: number
  totalCents: number
  /** Deals the buyer is one step away from, per producer. */
  hints: DealHint[]
  /** What became of the code, when one was given. */
  code: CodeOutcome | null
}

export interface PriceOptions {
  /** Live deals (the caller drops ended ones). */
  deals?: readonly DealToApply[]
  code?: CodeToApply | null
  /** For labels such as "3 Basic for $60". */
  currency?: string
}

export function priceOrder(lines: readonly LineToPrice[], options: PriceOptions = {}): PricedOrder {
  const currency = options.currency ?? 'usd'
  if (new Set(lines.map((l) => l.key)).size !== lines.length) throw new Error('priceOrder: line keys must be unique')
  const adjustments = new Map<string, Adjustment[]>(lines.map((l) => [l.key, []]))
  const work: WorkLine[] = lines.map((line) => {
    const list = Math.max(0, line.listPriceCents)
    const credit = Math.min(Math.max(0, line.creditCents ?? 0), list)
    if (credit > 0) adjustments.get(line.key)!.push({ kind: 'upgrade-credit', label: 'Credit for the license you hold', cents: credit })
    return { key: line.key, producerId: line.producerId, beatId: line.beatId, tier: line.tier, amount: list - credit }
  })

  const { applied, taken, hints } = applyDeals(work, options.deals ?? [], currency)
  for (const line of work) {
    const deal = applied.get(line.key)
    if (!deal) continue
    adjustments.get(line.key)!.push({ kind: 'deal', label: deal.label, cents: deal.cents })
    line.amount -= deal.cents
  }

  let code: CodeOutcome | null = null
  if (options.code) {
    const result = applyCode(work, taken, options.code, currency)
    code = result.outcome
    for (const line of work) {
      const cents = result.discounts.get(line.key)
      if (!cents || !code.applied) continue
      adjustments.get(line.key)!.push({ kind: 'code', label: code.label, cents })
      line.amount -= cents
    }
  }

  const priced = lines.map((line, i): PricedOrderLine => ({
    key: line.key,
    listPriceCents: Math.max(0, line.listPriceCents),
    adjustments: adjustments.get(line.key)!,
    paidCents: work[i]!.amount,
  }))
  const subtotalCents = priced.reduce((sum, l) => sum + l.listPriceCents, 0)
  const totalCents = priced.reduce((sum, l) => sum + l.paidCents, 0)
  return { lines: priced, subtotalCents, discountCents: subtotalCents - totalCents, totalCents, hints, code }
}

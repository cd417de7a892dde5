// The one pricing function. Every amount the store shows, charges, records, refunds or transfers
// for an order line comes from `priceOrder`: the cart preview, checkout, the Stripe amounts, the
// receipt, the producer's sales and the refunds. Pure and deterministic: same input, same output.
//
// A line starts at its list price (the tier's current price), less any upgrade credit (what the
// buyer already paid for the license it replaces), never below zero. Discounts (bulk deals, a code)
// are allocated to lines by the functions that add them here, so each line's paid amount is exact.

/** Why a line costs less than its list price; shown to the buyer and frozen on the order line. */
export interface Adjustment {
  kind: 'upgrade-credit' | 'deal' | 'code'
  /** A person's words: "Credit for your Basic license", "Buy 2, get 1 free (Mara Sol)", "Code SPRING10". */
  label: string
  /** Positive: the amount taken off this line. */
  cents: number
}

export interface LineToPrice {
  /** The caller's key for the line (cart index or order item id); echoed back. */
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
}

export function priceOrder(lines: readonly LineToPrice[]): PricedOrder {
  const priced = lines.map((line): PricedOrderLine => {
    const adjustments: Adjustment[] = []
    const credit = Math.min(line.creditCents ?? 0, line.listPriceCents)
    if (credit > 0) adjustments.push({ kind: 'upgrade-credit', label: 'Credit for the license you hold', cents: credit })
    return { key: line.key, listPriceCents: line.listPriceCents, adjustments, paidCents: line.listPriceCents - credit }
  })
  const subtotalCents = priced.reduce((sum, l) => sum + l.listPriceCents, 0)
  const totalCents = priced.reduce((sum, l) => sum + l.paidCents, 0)
  return { lines: priced, subtotalCents, discountCents: subtotalCents - totalCents, totalCents }
}

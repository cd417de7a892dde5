import type { Adjustment } from './price-order'

// OrderItem.adjustments is JSON; this reads it back into Adjustment[] (anything else is dropped),
// for the receipt, the order and success pages, the Stripe line and the sales CSV.

const KINDS = new Set(['upgrade-credit', 'deal', 'code'])

export function readAdjustments(value: unknown): Adjustment[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((a: unknown) => {
    if (!a || typeof a !== 'object') return []
    const { kind, label, cents } = a as Record<string, unknown>
    return typeof kind === 'string' && KINDS.has(kind) && typeof label === 'string' && typeof cents === 'number' && Number.isInteger(cents)
      ? [{ kind: kind as Adjustment['kind'], label, cents }]
      : []
  })
}

/** "Buy 2 Basic, get 1 free (Mara Sol) · Code SPRING10": every adjustment on a line, in a few words. */
export function adjustmentsText(adjustments: readonly Adjustment[]): string {
  return adjustments.map((a) => a.label).join(' · ')
}

import { formatPrice } from '~/lib/money'
import { allocate, compareKeys } from './allocate'
import type { WorkLine } from './deals'
import { qualifiesForTier, tierLabel, type CodeToApply } from './rules'

// One code per order, after the bulk deals. The lines it covers: the code's producer's lines (all
// lines for a store-wide code), of its tiers and beats when it lists any, never Exclusive lines
// unless it says so, and — unless the code stacks with deals — only lines no deal took (a deal
// takes its free lines and the lines that paid for them). The
// minimums are measured on those lines (their count, and what they cost after deals). A percent
// is rounded to the cent (half up) on their sum; a fixed amount is capped at their sum. The
// discount is split across them in proportion to what each costs, largest remainder.

export type CodeOutcome =
  | { code: string; applied: true; discountCents: number; label: string }
  | { code: string; applied: false; message: string }

export function applyCode(
  lines: readonly WorkLine[],
  takenByDeals: ReadonlySet<string>,
  code: CodeToApply,
  currency: string,
): { outcome: CodeOutcome; discounts: Map<string, number> } {
  const discounts = new Map<string, number>()
  const refuse = (message: string) => ({ outcome: { code: code.code, applied: false as const, message }, discounts })
  const mine = code.producerId === null ? lines : lines.filter((l) => l.producerId === code.producerId)
  if (!mine.length) return refuse(`The code ${code.code} is only for beats by ${code.producerName ?? 'another producer'}, and your cart has none.`)
  const covered = mine.filter(
    (l) =>
      (code.tiers.length === 0 ? qualifiesForTier(l.tier, null, code.includeExclusive) : code.tiers.some((t) => qualifiesForTier(l.tier, t, code.includeExclusive))) &&
      (code.beatIds.length === 0 || code.beatIds.includes(l.beatId)),
  )
  if (!covered.length) {
    const tiers = code.tiers.length ? `${code.tiers.map(tierLabel).join(' or ')} licenses` : 'the beats it names'
    return refuse(`The code ${code.code} only applies to ${code.beatIds.length ? 'certain beats' : tiers}, and your cart has none.`)
  }
  const eligible = (code.stacksWithDeals ? covered : covered.filter((l) => !takenByDeals.has(l.key))).sort((a, b) => compareKeys(a.key, b.key))
  if (!eligible.length) return refuse(`The code ${code.code} does not combine with bulk deals, and every line it covers already has one.`)
  if (code.minLines !== null && eligible.length < code.minLines)
    return refuse(`The code ${code.code} needs at least ${code.minLines} lines it applies to; your cart has ${eligible.length}.`)
  const base = eligible.reduce((s, l) => s + l.amount, 0)
  if (code.minSubtotalCents !== null && base < code.minSubtotalCents)
    return refuse(
      `The code ${code.code} needs at least ${formatPrice(code.minSubtotalCents, currency)} on the lines it applies to; yours come to ${formatPrice(base, currency)}.`,
    )
  const off = code.percentOff !== null ? Math.floor((base * code.percentOff + 50) / 100) : Math.min(code.amountOffCents ?? 0, base)
  const parts = allocate(Math.min(off, base), eligible.map((l) => ({ key: l.key, weight: l.amount })))
  eligible.forEach((l, i) => {
    if (parts[i]! > 0) discounts.set(l.key, parts[i]!)
  })
  return { outcome: { code: code.code, applied: true, discountCents: Math.min(off, base), label: `Code ${code.code}` }, discounts }
}

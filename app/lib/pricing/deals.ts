import { allocate, compareKeys } from './allocate'
import { dealTitle, moreLines, qualifiesForTier, type DealToApply } from './rules'

// Bulk deals, per producer. Which lines a deal touches is fixed by these rules, so the cart, the
// checkout, Stripe, the receipt, the sales page and refunds all agree:
//
// - A deal counts only its own producer's lines of its tier (or any tier), never Exclusive lines
//   unless the deal says so, and only lines no other deal has taken.
// - "Buy N, get M free": with k qualifying lines, floor(k / (N+M)) × M lines go free — the
//   cheapest ones (by what they cost so far, ties by line key). Those lines and the next cheapest
//   that paid for them are taken by the deal.
// - "N for $X": the most expensive qualifying lines are grouped N at a time (ties by line key);
//   each full group costs X, its saving split across the group in proportion to price.
// - When a producer has several deals, the one saving most on the lines still free is applied
//   first (ties by deal id), then the next on what is left; a line gets at most one deal.

export interface WorkLine {
  key: string
  producerId: string
  beatId: string
  tier: string
  /** What the line costs so far. */
  amount: number
}

export interface DealHint {
  dealId: string
  producerId: string
  /** "Buy 2, get 1 free from Mara Sol: add 1 more Basic license to get one free" */
  message: string
  /** The lines that count towards the deal. */
  lineKeys: string[]
}

interface Plan {
  deal: DealToApply
  saving: number
  /** Discount per line key. */
  discounts: Map<string, number>
  claimed: string[]
}

function byAmountThenKey(a: WorkLine, b: WorkLine) {
  return a.amount - b.amount || compareKeys(a.key, b.key)
}

function qualifying(deal: DealToApply, lines: readonly WorkLine[]) {
  return lines.filter((l) => l.producerId === deal.producerId && qualifiesForTier(l.tier, deal.tier, deal.includeExclusive))
}

function groupSize(deal: DealToApply) {
  return deal.kind === 'BUY_GET' ? deal.buyQuantity + deal.freeQuantity : deal.quantity
}

function plan(deal: DealToApply, lines: readonly WorkLine[]): Plan {
  const q = qualifying(deal, lines)
  const size = groupSize(deal)
  const groups = Math.floor(q.length / size)
  const discounts = new Map<string, number>()
  const claimed: string[] = []
  if (deal.kind === 'BUY_GET') {
    const cheapestFirst = [...q].sort(byAmountThenKey)
    for (const line of cheapestFirst.slice(0, groups * deal.freeQuantity)) discounts.set(line.key, line.amount)
    claimed.push(...cheapestFirst.slice(0, groups * size).map((l) => l.key))
  } else {
    const dearestFirst = [...q].sort((a, b) => b.amount - a.amount || compareKeys(a.key, b.key))
    for (let g = 0; g < groups; g++) {
      const group = dearestFirst.slice(g * size, (g + 1) * size)
      const saving = group.reduce((s, l) => s + l.amount, 0) - deal.priceCents
      if (saving <= 0) continue
      const parts = allocate(saving, group.map((l) => ({ key: l.key, weight: l.amount })))
      group.forEach((l, i) => discounts.set(l.key, parts[i]!))
      claimed.push(...group.map((l) => l.key))
    }
  }
  const saving = [...discounts.values()].reduce((s, c) => s + c, 0)
  return { deal, saving, discounts, claimed }
}

function hintFor(deal: DealToApply, lines: readonly WorkLine[], currency: string): DealHint | null {
  const q = qualifying(deal, lines)
  const size = groupSize(deal)
  const rest = q.length % size
  if (q.length === 0 || rest === 0) return null
  const missing = size - rest
  const reward =
    deal.kind === 'BUY_GET'
      ? `to get ${deal.freeQuantity === 1 ? 'one' : deal.freeQuantity} free`
      : 'for the bundle price'
  return {
    dealId: deal.id,
    producerId: deal.producerId,
    message: `${dealTitle(deal, currency)} from ${deal.producerName}: add ${moreLines(missing, deal.tier)} ${reward}`,
    lineKeys: q.map((l) => l.key).sort(compareKeys),
  }
}

/**
 * Applies every producer's deals to that producer's lines. Returns each line's deal discount (with
 * the deal's label) and the deals one step away.
 */
export function applyDeals(lines: readonly WorkLine[], deals: readonly DealToApply[], currency: string) {
  const applied = new Map<string, { cents: number; label: string }>()
  const hints: DealHint[] = []
  /** Every line a deal took: the free or bundled ones and the ones that paid for them. */
  const taken = new Set<string>()
  const producers = [...new Set(deals.map((d) => d.producerId))].sort(compareKeys)
  for (const producerId of producers) {
    let open = lines.filter((l) => l.producerId === producerId)
    let pending = deals.filter((d) => d.producerId === producerId)
    const used = new Map<string, string[]>()
    for (;;) {
      let best: Plan | null = null
      for (const deal of pending) {
        const p = plan(deal, open)
        if (p.saving > 0 && (!best || p.saving > best.saving || (p.saving === best.saving && compareKeys(deal.id, best.deal.id) < 0))) best = p
      }
      if (!best) break
      const label = `${dealTitle(best.deal, currency)} (${best.deal.producerName})`
      for (const [key, cents] of best.discounts) if (cents > 0) applied.set(key, { cents, label })
      for (const key of best.claimed) taken.add(key)
      used.set(best.deal.id, best.claimed)
      open = open.filter((l) => !taken.has(l.key))
      pending = pending.filter((d) => d !== best.deal)
    }
    // A hint counts the lines still open plus those this deal already took.
    const all = lines.filter((l) => l.producerId === producerId)
    for (const deal of [...deals.filter((d) => d.producerId === producerId)].sort((a, b) => compareKeys(a.id, b.id))) {
      const mine = new Set([...open.map((l) => l.key), ...(used.get(deal.id) ?? [])])
      const hint = hintFor(deal, all.filter((l) => mine.has(l.key)), currency)
      if (hint) hints.push(hint)
    }
  }
  return { applied, taken, hints }
}

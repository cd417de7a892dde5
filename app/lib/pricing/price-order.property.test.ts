import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { priceOrder, type CodeToApply, type DealToApply, type LineToPrice } from './price-order'

// The promises every amount downstream relies on, checked on random carts, deals and codes.

const producers = ['p1', 'p2', 'p3']
const tiers = ['BASIC', 'TRACKOUT', 'UNLIMITED', 'EXCLUSIVE']

const lines = fc.uniqueArray(
  fc.record({
    key: fc.string({ minLength: 1, maxLength: 4 }),
    producerId: fc.constantFrom(...producers),
    beatId: fc.constantFrom('b1', 'b2', 'b3', 'b4', 'b5'),
    tier: fc.constantFrom(...tiers),
    listPriceCents: fc.integer({ min: 0, max: 5_000_000 }),
    creditCents: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
  }),
  { selector: (l) => l.key, maxLength: 12 },
)

const deal: fc.Arbitrary<DealToApply> = fc.oneof(
  fc.record({
    id: fc.string({ maxLength: 3 }),
    producerId: fc.constantFrom(...producers),
    producerName: fc.constant('P'),
    kind: fc.constant('BUY_GET' as const),
    tier: fc.option(fc.constantFrom(...tiers), { nil: null }),
    buyQuantity: fc.integer({ min: 1, max: 4 }),
    freeQuantity: fc.integer({ min: 1, max: 3 }),
    includeExclusive: fc.boolean(),
  }),
  fc.record({
    id: fc.string({ maxLength: 3 }),
    producerId: fc.constantFrom(...producers),
    producerName: fc.constant('P'),
    kind: fc.constant('BUNDLE' as const),
    tier: fc.constantFrom(...tiers),
    quantity: fc.integer({ min: 2, max: 5 }),
    priceCents: fc.integer({ min: 0, max: 10_000_000 }),
    includeExclusive: fc.boolean(),
  }),
)

const code: fc.Arbitrary<CodeToApply> = fc
  .record({
    producerId: fc.option(fc.constantFrom(...producers), { nil: null }),
    percent: fc.boolean(),
    percentOff: fc.integer({ min: 1, max: 100 }),
    amountOffCents: fc.integer({ min: 1, max: 10_000_000 }),
    stacksWithDeals: fc.boolean(),
    includeExclusive: fc.boolean(),
    tiers: fc.subarray(tiers),
    beatIds: fc.subarray(['b1', 'b2', 'b3']),
    minLines: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    minSubtotalCents: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
  })
  .map(({ percent, percentOff, amountOffCents, ...rest }) => ({
    code: 'C',
    ...rest,
    percentOff: percent ? percentOff : null,
    amountOffCents: percent ? null : amountOffCents,
  }))

const input = fc.record({ lines, deals: fc.array(deal, { maxLength: 4 }), code: fc.option(code, { nil: null }) })

const listAfterCredit = (l: LineToPrice) => l.listPriceCents - Math.min(l.creditCents ?? 0, l.listPriceCents)

describe('priceOrder properties', () => {
  it('never negative, never above the undiscounted sum, lines add up to the total, adjustments explain each line', () => {
    fc.assert(
      fc.property(input, ({ lines, deals, code }) => {
        const p = priceOrder(lines, { deals, code })
        for (const [i, l] of p.lines.entries()) {
          expect(l.paidCents).toBeGreaterThanOrEqual(0)
          expect(l.paidCents).toBeLessThanOrEqual(listAfterCredit(lines[i]!))
          expect(l.listPriceCents - l.adjustments.reduce((s, a) => s + a.cents, 0)).toBe(l.paidCents)
          expect(l.adjustments.every((a) => a.cents > 0)).toBe(true)
        }
        expect(p.totalCents).toBe(p.lines.reduce((s, l) => s + l.paidCents, 0))
        expect(p.totalCents).toBeLessThanOrEqual(lines.reduce((s, l) => s + l.listPriceCents, 0))
        expect(p.discountCents).toBe(p.subtotalCents - p.totalCents)
      }),
      { numRuns: 400 },
    )
  })

  it('is deterministic, and the order of the lines does not change any line', () => {
    fc.assert(
      fc.property(input, fc.func(fc.integer()), ({ lines, deals, code }, rank) => {
        const once = priceOrder(lines, { deals, code })
        expect(priceOrder(lines, { deals, code })).toEqual(once)
        const shuffled = [...lines].sort((a, b) => rank(a.key) - rank(b.key))
        const again = priceOrder(shuffled, { deals: [...deals].reverse(), code })
        const byKey = new Map(again.lines.map((l) => [l.key, l]))
        for (const l of once.lines) expect(byKey.get(l.key)).toEqual(l)
        expect(again.totalCents).toBe(once.totalCents)
      }),
      { numRuns: 400 },
    )
  })

  it('an Exclusive line keeps its price unless a deal or code includes Exclusive', () => {
    fc.assert(
      fc.property(input, ({ lines, deals, code }) => {
        const p = priceOrder(lines, {
          deals: deals.map((d) => ({ ...d, includeExclusive: false })),
          code: code && { ...code, includeExclusive: false },
        })
        p.lines.forEach((l, i) => {
          if (lines[i]!.tier === 'EXCLUSIVE') expect(l.paidCents).toBe(listAfterCredit(lines[i]!))
        })
      }),
    )
  })
})

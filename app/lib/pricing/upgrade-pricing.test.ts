import { describe, expect, it } from 'vitest'
import { priceOrder } from './price-order'

// Upgrade lines: the new tier's current price less what was paid for the line held, never below 0.

const line = (listPriceCents: number, creditCents?: number) => ({ key: 'k', producerId: 'p', beatId: 'b', tier: 'TRACKOUT', listPriceCents, creditCents })

describe('upgrade pricing', () => {
  it('Basic paid $25 → Trackout at $100 costs the $75 difference, with the credit shown', () => {
    const priced = priceOrder([line(10_000, 2_500)])
    expect(priced.lines[0]).toEqual({
      key: 'k',
      listPriceCents: 10_000,
      adjustments: [{ kind: 'upgrade-credit', label: 'Credit for the license you hold', cents: 2_500 }],
      paidCents: 7_500,
    })
    expect(priced).toMatchObject({ subtotalCents: 10_000, discountCents: 2_500, totalCents: 7_500 })
  })

  it('credits what was paid, not the old list price: a discounted line credits less', () => {
    expect(priceOrder([line(10_000, 1_999)]).lines[0]!.paidCents).toBe(8_001)
  })

  it('never goes below zero when the producer has cut the new tier below what was paid', () => {
    const priced = priceOrder([line(2_000, 2_500)])
    expect(priced.lines[0]!.paidCents).toBe(0)
    expect(priced.lines[0]!.adjustments[0]!.cents).toBe(2_000)
  })

  it('a zero credit adds no adjustment; mixed with other lines the total adds up', () => {
    const priced = priceOrder([line(10_000, 0), { ...line(150_000, 10_000), key: 'x' }, { ...line(2_500), key: 'y' }])
    expect(priced.lines[0]!.adjustments).toEqual([])
    expect(priced.lines.map((l) => l.paidCents)).toEqual([10_000, 140_000, 2_500])
    expect(priced.totalCents).toBe(152_500)
  })
})

import { describe, expect, it } from 'vitest'
import { priceOrder } from './price-order'

const line = (key: string, listPriceCents: number, creditCents?: number) => ({
  key,
  producerId: 'p',
  beatId: `b${key}`,
  tier: 'BASIC',
  listPriceCents,
  creditCents,
})

describe('priceOrder', () => {
  it('charges list prices when nothing applies', () => {
    expect(priceOrder([line('0', 2_500), line('1', 10_000)])).toMatchObject({ subtotalCents: 12_500, discountCents: 0, totalCents: 12_500 })
  })

  it('takes an upgrade credit off its own line, never below zero', () => {
    const priced = priceOrder([line('0', 10_000, 2_500), line('1', 2_500, 9_000)])
    expect(priced.lines.map((l) => l.paidCents)).toEqual([7_500, 0])
    expect(priced.lines[1]!.adjustments).toEqual([{ kind: 'upgrade-credit', label: 'Credit for the license you hold', cents: 2_500 }])
    expect(priced.totalCents).toBe(7_500)
  })
})

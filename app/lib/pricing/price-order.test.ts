import { describe, expect, it } from 'vitest'
import { priceOrder, type CodeToApply, type DealToApply } from './price-order'

const line = (key: string, listPriceCents: number, creditCents?: number) => ({
  key,
  producerId: 'p',
  beatId: `b${key}`,
  tier: 'BASIC',
  listPriceCents,
  creditCents,
})

const mara = (key: string, tier: string, cents: number) => ({ key, producerId: 'mara', beatId: `b${key}`, tier, listPriceCents: cents })
const kojo = (key: string, tier: string, cents: number) => ({ key, producerId: 'kojo', beatId: `b${key}`, tier, listPriceCents: cents })

const buy2get1: DealToApply = { id: 'd1', producerId: 'mara', producerName: 'Mara Sol', kind: 'BUY_GET', tier: 'BASIC', buyQuantity: 2, freeQuantity: 1 }
const threeFor60: DealToApply = { id: 'd2', producerId: 'mara', producerName: 'Mara Sol', kind: 'BUNDLE', tier: 'BASIC', quantity: 3, priceCents: 6_000 }

const code = (over: Partial<CodeToApply> = {}): CodeToApply => ({
  code: 'SPRING10',
  producerId: null,
  percentOff: 10,
  amountOffCents: null,
  stacksWithDeals: false,
  tiers: [],
  beatIds: [],
  minLines: null,
  minSubtotalCents: null,
  ...over,
})

const paid = (p: ReturnType<typeof priceOrder>) => Object.fromEntries(p.lines.map((l) => [l.key, l.paidCents]))

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

describe('bulk deals', () => {
  it('buy 2 get 1 free: the cheapest qualifying line goes free, ties by line key', () => {
    const p = priceOrder([mara('a', 'BASIC', 3_000), mara('b', 'BASIC', 2_500), mara('c', 'BASIC', 2_500)], { deals: [buy2get1] })
    expect(paid(p)).toEqual({ a: 3_000, b: 0, c: 2_500 })
    expect(p.lines[1]!.adjustments).toEqual([{ kind: 'deal', label: 'Buy 2 Basic, get 1 free (Mara Sol)', cents: 2_500 }])
    expect(p.hints).toEqual([])
  })

  it('applies only to its own producer and tier, and says what is one step away', () => {
    const p = priceOrder([mara('a', 'BASIC', 2_500), mara('b', 'BASIC', 2_500), mara('t', 'TRACKOUT', 10_000), kojo('k', 'BASIC', 2_000)], {
      deals: [buy2get1],
    })
    expect(p.totalCents).toBe(17_000)
    expect(p.hints).toEqual([
      { dealId: 'd1', producerId: 'mara', lineKeys: ['a', 'b'], message: 'Buy 2 Basic, get 1 free from Mara Sol: add 1 more Basic license to get one free' },
    ])
  })

  it('across tiers: any 3, 2 free', () => {
    const any3get2: DealToApply = { id: 'd3', producerId: 'mara', producerName: 'Mara Sol', kind: 'BUY_GET', tier: null, buyQuantity: 3, freeQuantity: 2 }
    const p = priceOrder([mara('a', 'BASIC', 2_500), mara('b', 'TRACKOUT', 10_000), mara('c', 'UNLIMITED', 25_000), mara('d', 'BASIC', 2_000), mara('e', 'TRACKOUT', 9_000)], {
      deals: [any3get2],
    })
    expect(paid(p)).toEqual({ a: 0, b: 10_000, c: 25_000, d: 0, e: 9_000 })
  })

  it('N for $X: splits the saving across the bundle in proportion to price', () => {
    const p = priceOrder([mara('a', 'BASIC', 2_500), mara('b', 'BASIC', 3_000), mara('c', 'BASIC', 2_600), mara('d', 'BASIC', 2_000)], { deals: [threeFor60] })
    // a, b, c are the dearest three (8,100 → 6,000: 2,100 off); d is left at list price.
    expect(paid(p)).toEqual({ a: 1_852, b: 2_222, c: 1_926, d: 2_000 })
    expect(p.lines.slice(0, 3).reduce((s, l) => s + l.paidCents, 0)).toBe(6_000)
    expect(p.hints[0]!.message).toBe('3 Basic for $60 from Mara Sol: add 2 more Basic licenses for the bundle price')
  })

  it('with two deals on the same lines, the bigger saving wins and a line gets one deal', () => {
    const p = priceOrder([mara('a', 'BASIC', 3_000), mara('b', 'BASIC', 3_000), mara('c', 'BASIC', 3_000)], { deals: [buy2get1, threeFor60] })
    expect(p.totalCents).toBe(6_000)
    expect(p.lines.every((l) => l.adjustments.length <= 1)).toBe(true)
  })

  it('never discounts an Exclusive line unless the deal says so', () => {
    const lines = [mara('a', 'EXCLUSIVE', 50_000), mara('b', 'BASIC', 2_500), mara('c', 'BASIC', 2_500)]
    const anyTier: DealToApply = { ...buy2get1, tier: null }
    expect(priceOrder(lines, { deals: [anyTier] }).totalCents).toBe(55_000)
    expect(priceOrder(lines, { deals: [{ ...anyTier, includeExclusive: true }] }).totalCents).toBe(52_500)
    expect(priceOrder(lines, { code: code() }).lines[0]!.paidCents).toBe(50_000)
    expect(priceOrder(lines, { code: code({ includeExclusive: true }) }).lines[0]!.paidCents).toBe(45_000)
  })
})

describe('codes', () => {
  it('a percent code rounds to the cent and splits by largest remainder', () => {
    const p = priceOrder([kojo('a', 'BASIC', 999), kojo('b', 'BASIC', 999), kojo('c', 'BASIC', 999)], { code: code({ percentOff: 15 }) })
    // 2,997 × 15% = 449.55 → 450 off: 150 each.
    expect(p.discountCents).toBe(450)
    expect(paid(p)).toEqual({ a: 849, b: 849, c: 849 })
    expect(p.code).toEqual({ code: 'SPRING10', applied: true, discountCents: 450, label: 'Code SPRING10' })
  })

  it('a fixed code is capped at what the lines cost, and the odd cent goes to the smaller key', () => {
    const p = priceOrder([kojo('b', 'BASIC', 1_000), kojo('a', 'BASIC', 1_000)], { code: code({ percentOff: null, amountOffCents: 501 }) })
    expect(paid(p)).toEqual({ a: 749, b: 750 })
    expect(priceOrder([kojo('a', 'BASIC', 1_000)], { code: code({ percentOff: null, amountOffCents: 5_000 }) }).totalCents).toBe(0)
  })

  it('does not stack with deals unless it says so', () => {
    const lines = [mara('a', 'BASIC', 2_500), mara('b', 'BASIC', 2_500), mara('c', 'BASIC', 2_500), kojo('k', 'BASIC', 2_000)]
    expect(paid(priceOrder(lines, { deals: [buy2get1], code: code() }))).toEqual({ a: 0, b: 2_500, c: 2_500, k: 1_800 })
    expect(paid(priceOrder(lines, { deals: [buy2get1], code: code({ stacksWithDeals: true }) }))).toEqual({ a: 0, b: 2_250, c: 2_250, k: 1_800 })
  })

  it('a producer code covers only that producer, and is refused with a reason when it cannot apply', () => {
    const lines = [mara('a', 'BASIC', 2_500), kojo('k', 'BASIC', 2_000)]
    expect(paid(priceOrder(lines, { code: code({ producerId: 'kojo' }) }))).toEqual({ a: 2_500, k: 1_800 })
    const wrong = priceOrder([mara('a', 'BASIC', 2_500)], { code: code({ producerId: 'kojo', producerName: 'Kojo' }) })
    expect(wrong.code).toEqual({ code: 'SPRING10', applied: false, message: 'The code SPRING10 is only for beats by Kojo, and your cart has none.' })
    expect(wrong.totalCents).toBe(2_500)
    expect(priceOrder(lines, { code: code({ minLines: 3 }) }).code).toMatchObject({ applied: false, message: expect.stringContaining('at least 3 lines') })
    expect(priceOrder(lines, { code: code({ minSubtotalCents: 5_000 }) }).code).toMatchObject({
      applied: false,
      message: 'The code SPRING10 needs at least $50 on the lines it applies to; yours come to $45.',
    })
    expect(priceOrder(lines, { code: code({ tiers: ['TRACKOUT'] }) }).code).toMatchObject({ applied: false, message: expect.stringContaining('Trackout licenses') })
    expect(paid(priceOrder(lines, { code: code({ beatIds: ['bk'] }) }))).toEqual({ a: 2_500, k: 1_800 })
  })
})

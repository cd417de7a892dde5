import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { priceCartLines } from '~/lib/orders/cart-view.server'
import { createCoupon, type NewCoupon } from '~/models/coupon.server'
import { createDeal } from '~/models/deal.server'
import { action, type CheckoutAnswer } from '~/routes/checkout'
import { makeBeat, makeProducer } from '../factories'
import type { FakeStripe } from '../fakes/stripe-server'
import { connectFakeStripe } from '../utils/fake-stripe'
import { callRoute } from '../utils/route'

// Deals and codes from the cart to the Stripe request: what the buyer saw is what Stripe receives.

let fake: FakeStripe

beforeAll(async () => {
  fake = await connectFakeStripe()
})

afterAll(async () => {
  await fake.close()
})

const yesterday = () => new Date(Date.now() - 24 * 3600_000)

function coupon(over: Partial<NewCoupon> & { code: string }): Promise<unknown> {
  return createCoupon({
    producerId: null, percentOff: 10, amountOffCents: null, startsAt: yesterday(), endsAt: null, maxUses: null, oncePerEmail: false,
    minLines: null, minSubtotalCents: null, tiers: [], beatIds: [], stacksWithDeals: false, includeExclusive: false, ...over,
  })
}

async function checkout(lines: unknown, extra: Record<string, string> = {}) {
  const request = new Request('http://store.test/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://store.test' },
    body: new URLSearchParams({ lines: JSON.stringify(lines), ...extra }),
  })
  const { status, location, data } = await callRoute(action, request)
  return { status, location, errors: location ? null : (data as CheckoutAnswer).errors }
}

async function twoProducerCart() {
  const mara = await makeProducer({ displayName: 'Mara Sol' })
  const kojo = await makeProducer({ displayName: 'Kojo' })
  await createDeal({ producerId: mara.id, kind: 'BUY_GET', tier: 'BASIC', buyQuantity: 2, freeQuantity: 1, startsAt: yesterday(), endsAt: null })
  const m = await Promise.all(
    [2_500, 3_000, 2_900].map((cents, i) => makeBeat({ producerId: mara.id, title: `Mara ${i}`, tiers: { BASIC: { priceCents: cents, enabled: true } }, withFiles: false })),
  )
  const k = await makeBeat({ producerId: kojo.id, title: 'Kojo 0', tiers: { TRACKOUT: { priceCents: 10_000, enabled: true } }, withFiles: false })
  return { mara, kojo, lines: [...m.map((b) => ({ beatId: b.id, tier: 'BASIC' as const })), { beatId: k.id, tier: 'TRACKOUT' as const }] }
}

describe('deals and a code at checkout', () => {
  it('the cart shows the deal, the code and the hint; Stripe receives the same paid amounts, adding up to the order total', async () => {
    const { lines } = await twoProducerCart()
    await coupon({ code: 'SPRING10' })
    const view = await priceCartLines(lines.slice(0, 2).concat(lines[3]!), 'spring10')
    expect(view.lines[0]!.hints).toEqual([])
    expect(view.lines[1]!.hints).toEqual(['Buy 2 Basic, get 1 free from Mara Sol: add 1 more Basic license to get one free'])
    expect(view.code).toMatchObject({ code: 'SPRING10', applied: true })

    const full = await priceCartLines(lines, 'SPRING10')
    // Mara's cheapest Basic goes free; the code (no stacking) takes 10% off Kojo's line only.
    expect(full.lines.map((l) => [l.priceCents, l.paidCents])).toEqual([[2_500, 0], [3_000, 3_000], [2_900, 2_900], [10_000, 9_000]])
    expect(full.totalCents).toBe(14_900)

    const res = await checkout(lines, { code: 'spring10', email: 'fan@example.test' })
    expect(res.status).toBe(302)
    const order = await prisma.multiItemOrder.findFirstOrThrow({
      where: { email: 'fan@example.test' },
      select: { totalCents: true, items: { orderBy: { position: 'asc' }, select: { priceCents: true, listPriceCents: true, adjustments: true } } },
    })
    expect(order.totalCents).toBe(14_900)
    expect(order.items[0]).toMatchObject({ listPriceCents: 2_500, priceCents: 0, adjustments: [{ kind: 'deal', label: 'Buy 2 Basic, get 1 free (Mara Sol)', cents: 2_500 }] })
    expect(order.items[3]).toMatchObject({ listPriceCents: 10_000, priceCents: 9_000, adjustments: [{ kind: 'code', label: 'Code SPRING10', cents: 1_000 }] })

    const sent = fake.createRequests.at(-1)! as { line_items: { price_data: { unit_amount: string; product_data: { description?: string } } }[] }
    expect(sent.line_items.map((l) => Number(l.price_data.unit_amount))).toEqual([0, 3_000, 2_900, 9_000])
    expect(sent.line_items.reduce((s, l) => s + Number(l.price_data.unit_amount), 0)).toBe(order.totalCents)
    expect(sent.line_items[0]!.price_data.product_data.description).toBe('List price $25.00 · Buy 2 Basic, get 1 free (Mara Sol) −$25.00')
    expect(sent.line_items[1]!.price_data.product_data).not.toHaveProperty('description')
    expect([...fake.sessions.values()].at(-1)!.amount_total).toBe(order.totalCents)
  })

  it('refuses expired, used-up, wrong-producer, below-minimum and once-per-buyer codes with a sentence saying which', async () => {
    const { lines, kojo } = await twoProducerCart()
    const maraOnly = lines.slice(0, 2)
    await coupon({ code: 'OLD', startsAt: new Date('2026-01-01T00:00:00Z'), endsAt: new Date('2026-02-01T00:00:00Z') })
    await coupon({ code: 'KOJO5', producerId: kojo.id, percentOff: 5 })
    await coupon({ code: 'BIG', minSubtotalCents: 50_000 })
    await coupon({ code: 'NONE', maxUses: 1 })
    await coupon({ code: 'ONCE', oncePerEmail: true })
    const refusal = async (code: string, extra: Record<string, string> = {}) => {
      const res = await checkout(maraOnly, { code, ...extra })
      expect(res.status).toBe(422)
      return res.errors!.fieldErrors.code?.[0]
    }
    expect(await refusal('OLD')).toBe('The code OLD expired on February 1, 2026.')
    expect(await refusal('KOJO5')).toBe('The code KOJO5 is only for beats by Kojo, and your cart has none.')
    expect(await refusal('BIG')).toBe('The code BIG needs at least $500 on the lines it applies to; yours come to $55.')
    expect(await refusal('NOPE')).toBe("We don't know the code NOPE. Check the spelling.")
    expect(await refusal('ONCE')).toBe('The code ONCE is one per buyer: enter your email to use it.')
    expect((await checkout(maraOnly, { code: 'ONCE', email: 'a@example.test' })).status).toBe(302)
    expect(await refusal('ONCE', { email: 'A@example.test' })).toBe('The code ONCE is one per buyer, and this email has already used it.')
    expect((await checkout(maraOnly, { code: 'NONE' })).status).toBe(302)
    expect(await refusal('NONE')).toBe('The code NONE has been used up.')
    expect((await priceCartLines(maraOnly, 'NONE')).code).toEqual({ code: 'NONE', applied: false, message: 'The code NONE has been used up.' })
  })
})

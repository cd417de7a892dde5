import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { reloadEnv } from '~/lib/env.server'
import { reconcile } from '~/lib/orders/reconcile.server'
import { orderForSuccessPage } from '~/lib/orders/success.server'
import { checkoutExpiresAt } from '~/lib/payments/checkout-session.server'
import { getStripe } from '~/lib/payments/stripe.server'
import { action, type CheckoutAnswer } from '~/routes/checkout'
import { makeBeat, makeProducer } from '../factories'
import type { FakeStripe } from '../fakes/stripe-server'
import { connectFakeStripe } from '../utils/fake-stripe'
import { expectConsoleError } from '../utils/console'
import { callRoute } from '../utils/route'

// Checkout against a Stripe-compatible local server: the real SDK builds and sends the requests.

let fake: FakeStripe

beforeAll(async () => {
  fake = await connectFakeStripe()
})

afterAll(async () => {
  await fake.close()
})

async function checkout(lines: unknown, extra: Record<string, string> = {}) {
  const body = new URLSearchParams({ lines: JSON.stringify(lines), ...extra })
  const request = new Request('http://store.test/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://store.test' },
    body,
  })
  const { status, location, data } = await callRoute(action, request)
  return { status, location, errors: location ? null : (data as CheckoutAnswer).errors }
}

describe('checkout with Stripe', () => {
  it('creates one PENDING order and one Checkout Session with a line per item, and redirects to it', async () => {
    const producer = await makeProducer({ displayName: 'Nova Beats' })
    const a = await makeBeat({ producerId: producer.id, title: 'Night Drive', withFiles: false })
    const b = await makeBeat({ producerId: producer.id, title: 'Sunrise', tiers: { TRACKOUT: { priceCents: 12_345, enabled: true } }, withFiles: false })
    // The browser also sends a price: it must be ignored.
    const res = await checkout([
      { beatId: a.id, tier: 'BASIC', priceCents: 1 },
      { beatId: b.id, tier: 'TRACKOUT', priceCents: 1 },
    ], { email: 'fan@example.test' })
    expect(res.status).toBe(302)
    expect(res.location).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/)

    const params = fake.createRequests.at(-1)!
    expect(params).not.toHaveProperty('payment_method_types')
    const order = await prisma.multiItemOrder.findFirstOrThrow({
      where: { email: 'fan@example.test' },
      select: { id: true, status: true, totalCents: true, stripeCheckoutSessionId: true, checkoutExpiresAt: true, items: { orderBy: { position: 'asc' }, select: { id: true, priceCents: true, beatTitle: true, producerName: true, termsSnapshot: true } } },
    })
    expect(order.status).toBe('PENDING')
    expect(order.totalCents).toBe(2_500 + 12_345)
    expect(order.items.map((i) => i.priceCents)).toEqual([2_500, 12_345])
    expect(order.items[0]).toMatchObject({ beatTitle: 'Night Drive', producerName: 'Nova Beats', termsSnapshot: { tier: 'BASIC', label: 'Basic' } })
    expect(res.location).toContain(order.stripeCheckoutSessionId!)
    expect(params).toMatchObject({
      mode: 'payment',
      client_reference_id: order.id,
      customer_email: 'fan@example.test',
      metadata: { order_id: order.id },
      payment_intent_data: { metadata: { order_id: order.id } },
      success_url: 'http://store.test/checkout/success?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://store.test/cart',
      line_items: [
        {
          quantity: '1',
          price_data: {
            currency: 'usd',
            unit_amount: '2500',
            product_data: { name: 'Night Drive — Basic license', metadata: { order_id: order.id, order_item_id: order.items[0]!.id, beat_id: a.id, tier: 'BASIC' } },
          },
        },
        { price_data: { unit_amount: '12345', product_data: { name: 'Sunrise — Trackout license' } } },
      ],
    })
    expect(Number(params.expires_at)).toBe(Math.floor(order.checkoutExpiresAt!.getTime() / 1000))
    expect(fake.idempotencyKeys.at(-1)).toBe(`checkout-${order.id}`)
  })

  it('refuses an unpublished beat and a switched-off tier with a message per line, creating no order', async () => {
    const before = await prisma.multiItemOrder.count()
    const ok = await makeBeat({ withFiles: false })
    const draft = await makeBeat({ status: 'DRAFT', title: 'Hidden Gem', withFiles: false })
    const noStems = await makeBeat({ title: 'Loose', tiers: { UNLIMITED: { priceCents: 25_000, enabled: false } }, withFiles: false })
    const res = await checkout([
      { beatId: ok.id, tier: 'BASIC' },
      { beatId: draft.id, tier: 'BASIC' },
      { beatId: noStems.id, tier: 'UNLIMITED' },
    ])
    expect(res.status).toBe(422)
    expect(res.errors!.fieldErrors).toEqual({
      [`lines.${draft.id}`]: ['“Hidden Gem” is no longer for sale.'],
      [`lines.${noStems.id}`]: ['The Unlimited license for “Loose” is no longer offered.'],
    })
    expect(await prisma.multiItemOrder.count()).toBe(before)
  })

  it('refuses an empty cart, 101 lines, duplicate beats and garbage with 400', async () => {
    expect((await checkout([])).errors!.formError).toBe('Your cart is empty.')
    const many = Array.from({ length: 101 }, () => ({ beatId: crypto.randomUUID(), tier: 'BASIC' }))
    const tooMany = await checkout(many)
    expect(tooMany.status).toBe(400)
    expect(tooMany.errors!.formError).toMatch(/at most 100/)
    const id = crypto.randomUUID()
    const dup = await checkout([{ beatId: id, tier: 'BASIC' }, { beatId: id, tier: 'TRACKOUT' }])
    expect(dup.status).toBe(400)
    expect(dup.errors!.fieldErrors[`lines.${id}`]).toEqual(['This beat is in the cart twice.'])
    expect((await checkout([{ beatId: 'nope', tier: 'GOLD' }])).status).toBe(400)
    const notJson = new Request('http://store.test/checkout', { method: 'POST', body: new URLSearchParams({ lines: '{oops' }) })
    expect((await callRoute(action, notJson)).status).toBe(400)
  })

  it('the fake Stripe server rejects what real Stripe rejects (payment_method_types, >100 lines)', async () => {
    const stripe = getStripe()!
    const base = {
      mode: 'payment' as const,
      success_url: 'http://x/s?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://x/c',
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      metadata: { order_id: 'o' },
      payment_intent_data: { metadata: { order_id: 'o' } },
    }
    const line = { quantity: 1, price_data: { currency: 'usd', unit_amount: 100, product_data: { name: 'x' } } }
    await expect(
      stripe.checkout.sessions.create({ ...base, line_items: [line], payment_method_types: ['card'] } as Stripe.Checkout.SessionCreateParams),
    ).rejects.toThrow(/payment_method_types/)
    await expect(stripe.checkout.sessions.create({ ...base, line_items: Array(101).fill(line) })).rejects.toThrow(/100 line items/)
  })

  it('a second attempt with the same idempotency key returns the same session', async () => {
    const stripe = getStripe()!
    const { buildSessionParams } = await import('~/lib/payments/checkout-session.server')
    const order = { id: crypto.randomUUID(), currency: 'usd', email: null, items: [{ id: crypto.randomUUID(), beatId: crypto.randomUUID(), tier: 'BASIC' as const, priceCents: 100, beatTitle: 'T' }] }
    const params = buildSessionParams(order, new Date(Date.now() + 3600_000))
    const one = await stripe.checkout.sessions.create(params, { idempotencyKey: `checkout-${order.id}` })
    const two = await stripe.checkout.sessions.create(params, { idempotencyKey: `checkout-${order.id}` })
    expect(two.id).toBe(one.id)
  })

  it('the success page fulfils a paid session the webhook has not delivered, once; unknown ids are null', async () => {
    const beat = await makeBeat({ withFiles: false })
    const res = await checkout([{ beatId: beat.id, tier: 'TRACKOUT' }])
    const sessionId = res.location!.split('/').at(-1)!
    const unpaid = await orderForSuccessPage(sessionId)
    expect(unpaid!.status).toBe('PENDING')
    fake.complete(sessionId, { email: 'late@example.test', name: 'Late Hook' })
    const [a, b] = await Promise.all([orderForSuccessPage(sessionId), orderForSuccessPage(sessionId)])
    expect(a!.status).toBe('PAID')
    expect(b!.status).toBe('PAID')
    expect(a!.email).toBe('late@example.test')
    expect(await orderForSuccessPage('cs_test_unknown')).toBeNull()
  })

  it('reconcile lists paid sessions the store missed (dry run), then fulfils them with --apply', async () => {
    const beat = await makeBeat({ withFiles: false })
    const res = await checkout([{ beatId: beat.id, tier: 'BASIC' }])
    const sessionId = res.location!.split('/').at(-1)!
    fake.complete(sessionId)
    const dry = await reconcile({ apply: false })
    expect(dry.actions).toContainEqual(expect.objectContaining({ sessionId, action: 'would fulfil (order is PENDING)' }))
    const order = await prisma.multiItemOrder.findUniqueOrThrow({ where: { stripeCheckoutSessionId: sessionId }, select: { status: true } })
    expect(order.status).toBe('PENDING')
    const applied = await reconcile({ apply: true })
    expect(applied.actions).toContainEqual(expect.objectContaining({ sessionId, action: 'fulfilled' }))
    expect((await prisma.multiItemOrder.findUniqueOrThrow({ where: { stripeCheckoutSessionId: sessionId }, select: { status: true } })).status).toBe('PAID')
    const again = await reconcile({ apply: true })
    expect(again.actions.find((a) => a.sessionId === sessionId)).toBeUndefined()
  })

  it('a Stripe outage answers 502 with a message, not a 500', async () => {
    expectConsoleError()
    const beat = await makeBeat({ withFiles: false })
    fake.failNext(10)
    const res = await checkout([{ beatId: beat.id, tier: 'BASIC' }])
    fake.failNext(0)
    expect(res.status).toBe(502)
    expect(res.errors!.formError).toMatch(/payment provider/)
    // Nothing can pay an order without a checkout: it ends at once instead of staying PENDING.
    const order = await prisma.multiItemOrder.findFirstOrThrow({ where: { items: { some: { beatId: beat.id } } }, select: { status: true } })
    expect(order.status).toBe('EXPIRED')
  })
})

describe("Stripe's edges", () => {
  it('opens a checkout with the shortest lifetime, 30 minutes, which Stripe judges on arrival', async () => {
    process.env.CHECKOUT_EXPIRES_MINUTES = '30'
    reloadEnv()
    try {
      const beat = await makeBeat({ withFiles: false })
      const before = Date.now()
      const res = await checkout([{ beatId: beat.id, tier: 'BASIC' }])
      expect(res.errors).toBeNull()
      expect(res.status).toBe(302)
      const sent = Number(fake.createRequests.at(-1)!.expires_at) * 1000
      expect(sent).toBeGreaterThanOrEqual(before + 31 * 60_000)
      expect(sent).toBeLessThanOrEqual(Date.now() + 33 * 60_000)
    } finally {
      delete process.env.CHECKOUT_EXPIRES_MINUTES
      reloadEnv()
    }
  })

  it('the lifetime gets slack and stays within 24 hours', () => {
    const now = new Date('2026-12-02T12:00:00Z')
    expect(checkoutExpiresAt(30, now).getTime() - now.getTime()).toBe(32 * 60_000)
    expect(checkoutExpiresAt(60, now).getTime() - now.getTime()).toBe(62 * 60_000)
    expect(checkoutExpiresAt(24 * 60, now).getTime() - now.getTime()).toBe(24 * 3600_000)
  })

  it('the fake Stripe server refuses what Stripe refuses: expires_at under 30 minutes, a total over $999,999.99', async () => {
    const stripe = getStripe()!
    const base = {
      mode: 'payment' as const,
      success_url: 'http://x/s?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://x/c',
      metadata: { order_id: 'o' },
      payment_intent_data: { metadata: { order_id: 'o' } },
    }
    const line = (cents: number) => ({ quantity: 1, price_data: { currency: 'usd', unit_amount: cents, product_data: { name: 'x' } } })
    const exactly30 = Math.floor((Date.now() + 30 * 60_000) / 1000)
    await expect(stripe.checkout.sessions.create({ ...base, expires_at: exactly30, line_items: [line(100)] })).rejects.toThrow(/expires_at/)
    const inAnHour = Math.floor(Date.now() / 1000) + 3600
    await expect(
      stripe.checkout.sessions.create({ ...base, expires_at: inAnHour, line_items: [line(50_000_000), line(50_000_000)] }),
    ).rejects.toThrow(/999,999\.99/)
  })

  it('a cart over the maximum one payment can take is refused with a sentence, before any order or Stripe call', async () => {
    const expensive = { UNLIMITED: { priceCents: 50_000_000, enabled: true } }
    const a = await makeBeat({ title: 'Gold', tiers: expensive, withFiles: false })
    const b = await makeBeat({ title: 'Platinum', tiers: expensive, withFiles: false })
    const orders = await prisma.multiItemOrder.count()
    const calls = fake.createRequests.length
    const res = await checkout([
      { beatId: a.id, tier: 'UNLIMITED' },
      { beatId: b.id, tier: 'UNLIMITED' },
    ])
    expect(res.status).toBe(400)
    expect(res.errors!.formError).toBe(
      'Your cart totals $1,000,000.00, more than one payment can take ($999,999.99). Remove some beats and buy them in a second order.',
    )
    expect(await prisma.multiItemOrder.count()).toBe(orders)
    expect(fake.createRequests.length).toBe(calls)
  })

  it('a cart under the smallest card payment (a $0 order from a code, or a few cents) is refused with a sentence, before any order or Stripe call', async () => {
    const cheap = await makeBeat({ title: 'Penny', tiers: { BASIC: { priceCents: 30, enabled: true } }, withFiles: false })
    const orders = await prisma.multiItemOrder.count()
    const calls = fake.createRequests.length
    const res = await checkout([{ beatId: cheap.id, tier: 'BASIC' }])
    expect(res.status).toBe(400)
    expect(res.errors!.formError).toBe(
      'Your cart comes to $0.30, less than a card payment can take ($0.50). The store cannot check out free orders yet: remove the code or add a beat.',
    )
    expect(await prisma.multiItemOrder.count()).toBe(orders)
    expect(fake.createRequests.length).toBe(calls)
  })
})

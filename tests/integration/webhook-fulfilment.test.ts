import Stripe from 'stripe'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { prisma } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import { startCheckout } from '~/lib/orders/checkout.server'
import { orderForSuccessPage } from '~/lib/orders/success.server'
import { action } from '~/routes/webhooks.stripe'
import { makeBeat } from '../factories'
import { paidSession, stripeEvent } from '../fakes/stripe-server'
import { expectConsoleError } from '../utils/console'
import { callRoute } from '../utils/route'

// Count the notification calls while still running the real outbox code inside the transaction.
// Receipts are counted as outbox rows instead: the paid completion queues them in SQL.
const calls = vi.hoisted(() => ({ refund: 0, dispute: 0 }))
vi.mock('~/lib/mail/order-notifications.server', async (importOriginal) => {
  const real = await importOriginal<typeof import('~/lib/mail/order-notifications.server')>()
  return {
    ...real,
    queueRefundNotice: async (...args: Parameters<typeof real.queueRefundNotice>) => {
      calls.refund++
      return real.queueRefundNotice(...args)
    },
    queueDisputeNotice: async (...args: Parameters<typeof real.queueDisputeNotice>) => {
      calls.dispute++
      return real.queueDisputeNotice(...args)
    },
  }
})

beforeEach(() => {
  calls.refund = calls.dispute = 0
})

function sign(payload: string, timestamp = Math.floor(Date.now() / 1000)) {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: getEnv().STRIPE_WEBHOOK_SECRET, timestamp })
}

async function deliver(event: object, opts: { signature?: string | null; body?: string } = {}) {
  const payload = JSON.stringify(event)
  const headers = new Headers({ 'Content-Type': 'application/json' })
  const signature = opts.signature === undefined ? sign(payload) : opts.signature
  if (signature) headers.set('Stripe-Signature', signature)
  const request = new Request('http://store.test/webhooks/stripe', { method: 'POST', headers, body: opts.body ?? payload })
  const res = await callRoute(action, request)
  return { status: res.status, text: await res.response!.text() }
}

async function pendingOrder(tiers: ('BASIC' | 'TRACKOUT' | 'UNLIMITED')[] = ['BASIC', 'TRACKOUT']) {
  const beats = await Promise.all(tiers.map(() => makeBeat({ withFiles: false })))
  const { orderId, sessionId } = await startCheckout(beats.map((b, i) => ({ beatId: b.id, tier: tiers[i]! })))
  const order = await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, totalCents: true } })
  return { ...order, sessionId }
}

const receiptsQueued = (orderId: string) => prisma.outboxEmail.count({ where: { dedupeKey: `receipt:${orderId}` } })

const orderState = (id: string) =>
  prisma.multiItemOrder.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      email: true,
      buyerName: true,
      paidAt: true,
      stripePaymentIntentId: true,
      flaggedReason: true,
      items: { select: { status: true, priceCents: true }, orderBy: { position: 'asc' } },
    },
  })

describe('webhook signature', () => {
  it('refuses a missing signature, a tampered body and a stale timestamp with 400, writing nothing', async () => {
    const order = await pendingOrder()
    const event = stripeEvent('checkout.session.completed', paidSession(order))
    const payload = JSON.stringify(event)

    const missing = await deliver(event, { signature: null })
    expect(missing.status).toBe(400)
    expect(missing.text).toMatch(/Missing Stripe-Signature/)

    const tampered = await deliver(event, { signature: sign(payload), body: payload.replace('"paid"', '"paid" ') })
    expect(tampered.status).toBe(400)
    expect(tampered.text).toMatch(/signature/i)

    const stale = await deliver(event, { signature: sign(payload, Math.floor(Date.now() / 1000) - 3600) })
    expect(stale.status).toBe(400)
    expect(stale.text).toMatch(/tolerance|timestamp/i)

    const wrongSecret = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_ours' })
    expect((await deliver(event, { signature: wrongSecret })).status).toBe(400)

    expect(await prisma.stripeEvent.count()).toBe(0)
    expect((await orderState(order.id)).status).toBe('PENDING')
  })

  it('answers 200 to an unknown event type and records nothing', async () => {
    const res = await deliver(stripeEvent('customer.created', { id: 'cus_123', object: 'customer' }))
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toMatchObject({ outcome: 'ignored' })
    expect(await prisma.stripeEvent.count()).toBe(0)
  })
})

describe('checkout.session.completed', () => {
  it('marks the order PAID with payment intent, email, name and paid time', async () => {
    const order = await pendingOrder()
    const res = await deliver(stripeEvent('checkout.session.completed', paidSession(order)))
    expect(res.status).toBe(200)
    const state = await orderState(order.id)
    expect(state).toMatchObject({ status: 'PAID', email: 'buyer@example.test', buyerName: 'Ada Buyer' })
    expect(state.stripePaymentIntentId).toMatch(/^pi_/)
    expect(state.paidAt).toBeInstanceOf(Date)
    expect(await receiptsQueued(order.id)).toBe(1)
  })

  it('the same event 10 times in a row moves the order once and queues one receipt', async () => {
    const order = await pendingOrder()
    const event = stripeEvent('checkout.session.completed', paidSession(order))
    const outcomes: string[] = []
    for (let i = 0; i < 10; i++) {
      const res = await deliver(event)
      expect(res.status).toBe(200)
      outcomes.push(JSON.parse(res.text).outcome)
    }
    expect(outcomes.filter((o) => o === 'paid')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(9)
    expect((await orderState(order.id)).status).toBe('PAID')
    expect(await receiptsQueued(order.id)).toBe(1)
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(1)
  })

  it('the same event 10 times concurrently moves the order once and queues one receipt', async () => {
    const order = await pendingOrder()
    const event = stripeEvent('checkout.session.completed', paidSession(order))
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(event)))
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200))
    expect(results.filter((r) => JSON.parse(r.text).outcome === 'paid')).toHaveLength(1)
    expect(await receiptsQueued(order.id)).toBe(1)
    const paidAt = (await orderState(order.id)).paidAt
    expect(paidAt).toBeInstanceOf(Date)
  })

  it('10 different deliveries of the session racing the success page fulfil exactly once', async () => {
    const order = await pendingOrder()
    // The stand-in session is paid (as after "Pay"), so the success page can fulfil by itself too.
    await prisma.multiItemOrder.update({
      where: { id: order.id },
      data: { testCheckout: { paid: true, email: 'race@example.test', name: 'Racer', paymentIntent: 'pi_test_local_race', paidAt: Date.now() } },
    })
    const session = paidSession(order, { payment_intent: 'pi_test_local_race' })
    const work = [
      ...Array.from({ length: 10 }, (_, i) =>
        deliver(stripeEvent(i % 2 ? 'checkout.session.completed' : 'checkout.session.async_payment_succeeded', session)),
      ),
      ...Array.from({ length: 5 }, () => orderForSuccessPage(order.sessionId)),
    ]
    await Promise.all(work)
    expect((await orderState(order.id)).status).toBe('PAID')
    expect(await receiptsQueued(order.id)).toBe(1)
  })

  it('a completed session that is not yet paid (delayed method) leaves the order pending', async () => {
    const order = await pendingOrder()
    await deliver(stripeEvent('checkout.session.completed', paidSession(order, { payment_status: 'unpaid' })))
    expect((await orderState(order.id)).status).toBe('PENDING')
    await deliver(stripeEvent('checkout.session.async_payment_failed', paidSession(order, { payment_status: 'unpaid' })))
    expect((await orderState(order.id)).status).toBe('FAILED')
  })

  it('refuses and flags an amount or currency mismatch, answering 200 so Stripe stops retrying', async () => {
    expectConsoleError()
    const order = await pendingOrder()
    const res = await deliver(stripeEvent('checkout.session.completed', paidSession(order, { amount_total: 1 })))
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text).outcome).toBe('mismatch')
    const state = await orderState(order.id)
    expect(state.status).toBe('PENDING')
    expect(state.flaggedReason).toMatch(/1 usd paid but the order totals/)
    expect(await receiptsQueued(order.id)).toBe(0)

    const other = await pendingOrder()
    await deliver(stripeEvent('checkout.session.completed', paidSession(other, { currency: 'eur' })))
    expect((await orderState(other.id)).flaggedReason).toMatch(/currency eur/)
  })
})

describe('events out of order and after the fact', () => {
  it('expiry after completion leaves the order PAID; expiry of an unpaid order ends it EXPIRED', async () => {
    const order = await pendingOrder()
    await deliver(stripeEvent('checkout.session.completed', paidSession(order)))
    await deliver(stripeEvent('checkout.session.expired', paidSession(order, { payment_status: 'unpaid', status: 'expired' })))
    expect((await orderState(order.id)).status).toBe('PAID')

    const unpaid = await pendingOrder()
    await deliver(stripeEvent('checkout.session.expired', paidSession(unpaid, { payment_status: 'unpaid', status: 'expired' })))
    expect((await orderState(unpaid.id)).status).toBe('EXPIRED')
  })

  it('a full refund that arrives before the completion still ends REFUNDED', async () => {
    const order = await pendingOrder()
    const session = paidSession(order)
    const now = Math.floor(Date.now() / 1000)
    const refund = stripeEvent(
      'charge.refunded',
      { id: 'ch_1', object: 'charge', payment_intent: session.payment_intent, amount: order.totalCents, amount_refunded: order.totalCents, refunded: true },
      { created: now + 5 },
    )
    expect(JSON.parse((await deliver(refund)).text).outcome).toBe('deferred')
    expect((await orderState(order.id)).status).toBe('PENDING')
    await deliver(stripeEvent('checkout.session.completed', session, { created: now }))
    const state = await orderState(order.id)
    expect(state.status).toBe('REFUNDED')
    expect(state.items.every((i) => i.status === 'REFUNDED')).toBe(true)
    expect(await receiptsQueued(order.id)).toBe(1)
    expect(calls.refund).toBe(1)
    // Re-delivering the refund changes nothing.
    expect(JSON.parse((await deliver(refund)).text).outcome).toBe('duplicate')
  })

  it('a partial refund revokes only the refunded line (matched by amount)', async () => {
    const order = await pendingOrder(['BASIC', 'TRACKOUT', 'UNLIMITED'])
    const session = paidSession(order)
    await deliver(stripeEvent('checkout.session.completed', session))
    const before = await orderState(order.id)
    const trackout = before.items[1]!.priceCents
    await deliver(
      stripeEvent('charge.refunded', { id: 'ch_2', object: 'charge', payment_intent: session.payment_intent, amount: order.totalCents, amount_refunded: trackout, refunded: false }),
    )
    const after = await orderState(order.id)
    expect(after.status).toBe('PAID')
    expect(after.items.map((i) => i.status)).toEqual(['ACTIVE', 'REFUNDED', 'ACTIVE'])
  })

  it('a refund racing its completion ends REFUNDED every time (PaymentIntent lock)', async () => {
    for (let round = 0; round < 8; round++) {
      const order = await pendingOrder(['BASIC'])
      const session = paidSession(order)
      const refund = stripeEvent('charge.refunded', {
        id: `ch_race_${round}`,
        object: 'charge',
        payment_intent: session.payment_intent,
        amount: order.totalCents,
        amount_refunded: order.totalCents,
        refunded: true,
      })
      const completed = stripeEvent('checkout.session.completed', session)
      const pair = round % 2 ? [deliver(refund), deliver(completed)] : [deliver(completed), deliver(refund)]
      expect((await Promise.all(pair)).map((r) => r.status)).toEqual([200, 200])
      expect((await orderState(order.id)).status).toBe('REFUNDED')
    }
  })

  it('a partial refund naming its line in the refund metadata revokes exactly that line', async () => {
    const order = await pendingOrder(['BASIC', 'BASIC', 'BASIC'])
    const session = paidSession(order)
    await deliver(stripeEvent('checkout.session.completed', session))
    const items = await prisma.orderItem.findMany({ where: { orderId: order.id }, orderBy: { position: 'asc' }, select: { id: true, priceCents: true } })
    await deliver(
      stripeEvent('charge.refunded', {
        id: 'ch_meta',
        object: 'charge',
        payment_intent: session.payment_intent,
        amount: order.totalCents,
        amount_refunded: items[0]!.priceCents,
        refunded: false,
        refunds: { object: 'list', data: [{ id: 're_1', object: 'refund', amount: items[0]!.priceCents, metadata: { order_item_id: items[0]!.id } }] },
      }),
    )
    expect((await orderState(order.id)).items.map((i) => i.status)).toEqual(['REFUNDED', 'ACTIVE', 'ACTIVE'])
  })

  it('a dispute suspends the order and a dispute won restores it; a dispute before completion applies after it', async () => {
    const order = await pendingOrder()
    const session = paidSession(order)
    const dispute = { id: 'dp_1', object: 'dispute', charge: 'ch_3', payment_intent: session.payment_intent, status: 'needs_response' }
    expect(JSON.parse((await deliver(stripeEvent('charge.dispute.created', dispute))).text).outcome).toBe('deferred')
    await deliver(stripeEvent('checkout.session.completed', session))
    expect((await orderState(order.id)).status).toBe('DISPUTED')
    expect(calls.dispute).toBe(1)
    await deliver(stripeEvent('charge.dispute.closed', { ...dispute, status: 'won' }))
    expect((await orderState(order.id)).status).toBe('PAID')
  })
})

describe('database failure', () => {
  it('answers 500 and leaves nothing half-written; the retry then succeeds', async () => {
    expectConsoleError()
    const order = await pendingOrder()
    // Fail inside the transaction, after the StripeEvent row has been inserted.
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION fail_paid() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`)
    await prisma.$executeRawUnsafe(`
      CREATE TRIGGER fail_paid BEFORE UPDATE ON "MultiItemOrder" FOR EACH ROW WHEN (NEW.status = 'PAID') EXECUTE FUNCTION fail_paid()`)
    const event = stripeEvent('checkout.session.completed', paidSession(order))
    const res = await deliver(event)
    expect(res.status).toBe(500)
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0)
    expect((await orderState(order.id)).status).toBe('PENDING')

    await prisma.$executeRawUnsafe(`DROP TRIGGER fail_paid ON "MultiItemOrder"`)
    expect((await deliver(event)).status).toBe(200)
    expect((await orderState(order.id)).status).toBe('PAID')
    expect(await receiptsQueued(order.id)).toBe(1)
  })
})

import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { ORDER_LINK_TTL_MS, verifyOrderAccessToken } from '~/lib/access/order-access.server'
import { prisma } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import { deliverDueMail } from '~/lib/mail/worker.server'
import { startCheckout } from '~/lib/orders/checkout.server'
import { action } from '~/routes/webhooks.stripe'
import { makeBeat } from '../factories'
import { decodeQuotedPrintable, withFakeSmtp } from '../fakes/smtp-server'
import { paidSession, stripeEvent } from '../fakes/stripe-server'
import { callRoute } from '../utils/route'

// The paid completion (app/models/order/completion.server.ts) under concurrency and the PaymentIntent
// lock, and the receipt it queues unrendered, which the outbox worker renders at send time.

const fake = withFakeSmtp()

async function deliver(event: object) {
  const payload = JSON.stringify(event)
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: getEnv().STRIPE_WEBHOOK_SECRET })
  const headers = new Headers({ 'Content-Type': 'application/json', 'Stripe-Signature': signature })
  const request = new Request('http://store.test/webhooks/stripe', { method: 'POST', headers, body: payload })
  const res = await callRoute(action, request)
  return { status: res.status, outcome: res.status === 200 ? (res.data as { outcome: string }).outcome : null }
}

async function pendingOrder() {
  const beat = await makeBeat({ title: 'Fast Lane', withFiles: false })
  const { orderId, sessionId } = await startCheckout([{ beatId: beat.id, tier: 'BASIC' }])
  const order = await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, totalCents: true, number: true } })
  // The producer gets a sale notice too (payouts), sent beside the receipt.
  const { email: producerEmail } = await prisma.producer.findUniqueOrThrow({ where: { id: beat.producerId }, select: { email: true } })
  return { ...order, sessionId, producerEmail }
}

function fullRefund(paymentIntent: string, amount: number, chargeId: string) {
  return stripeEvent('charge.refunded', { id: chargeId, object: 'charge', payment_intent: paymentIntent, amount, amount_refunded: amount, refunded: true })
}

async function drain(now = new Date()) {
  for (let i = 0; i < 10; i++) {
    const r = await deliverDueMail(fake.transport, { now })
    if (r.sent + r.retried + r.dead === 0) return
  }
}

describe('the paid completion', () => {
  it('10 different deliveries of one session at once move the order once and send one receipt', async () => {
    const order = await pendingOrder()
    const session = paidSession(order)
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        deliver(stripeEvent(i % 2 ? 'checkout.session.completed' : 'checkout.session.async_payment_succeeded', session)),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200))
    expect(results.filter((r) => r.outcome === 'paid')).toHaveLength(1)
    expect(results.filter((r) => r.outcome === 'already-done')).toHaveLength(9)
    expect(await prisma.stripeEvent.count()).toBe(10)
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `receipt:${order.id}` } })
    // Queued unrendered; the worker renders it.
    expect(row).toMatchObject({ kind: 'receipt', to: 'buyer@example.test', status: 'PENDING', html: '', renderAtSend: true })
    const before = fake.smtp.received.length
    await drain()
    expect(fake.smtp.received.slice(before).map((m) => m.to[0]).sort()).toEqual(['buyer@example.test', order.producerEmail].sort())
  })

  it('renders the receipt when it is sent, so its order link is fresh, and keeps what it sent', async () => {
    const order = await pendingOrder()
    expect((await deliver(stripeEvent('checkout.session.completed', paidSession(order)))).outcome).toBe('paid')
    const queued = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `receipt:${order.id}` } })
    const before = fake.smtp.received.length
    await drain(new Date(queued.createdAt.getTime() + 2100)) // the worker runs later than the webhook
    expect(fake.smtp.received.slice(before).map((m) => m.to[0]).sort()).toEqual(['buyer@example.test', order.producerEmail].sort())
    const mail = fake.smtp.received.slice(before).filter((m) => m.to[0] === 'buyer@example.test')
    expect(mail).toHaveLength(1)
    const body = decodeQuotedPrintable(mail[0]!.raw)
    expect(body).toContain(`order #${order.number}`)
    expect(body).toContain('Fast Lane')
    expect(body).toContain('Basic license')
    expect(body).not.toMatch(/undefined|null/)
    const token = /http:\/\/store\.test\/orders\/view\?token=([A-Za-z0-9_.%-]+)/.exec(body)![1]!
    const access = verifyOrderAccessToken(decodeURIComponent(token))
    expect(access).toMatchObject({ ok: true, email: 'buyer@example.test' })
    // Issued at send time (≥ 2 s after queueing), not when the order was paid.
    const expiresAt = access.ok ? access.expiresAt.getTime() : 0
    expect(expiresAt).toBeGreaterThanOrEqual(queued.createdAt.getTime() + ORDER_LINK_TTL_MS + 1000)
    const sent = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `receipt:${order.id}` } })
    expect(sent).toMatchObject({ status: 'SENT', attempts: 1 })
    expect(sent.subject).toContain(`#${order.number}`)
    expect(sent.text).toContain('/orders/view?token=')
  })

  it('a receipt whose order is gone is retried, not sent empty', async () => {
    const order = await pendingOrder()
    await deliver(stripeEvent('checkout.session.completed', paidSession(order)))
    await prisma.$executeRaw`UPDATE "OutboxEmail" SET "dedupeKey" = 'receipt:00000000-0000-4000-8000-000000000000' WHERE "dedupeKey" = ${`receipt:${order.id}`}`
    const before = fake.smtp.received.length
    const result = await deliverDueMail(fake.transport)
    // Only the producer's sale notice went out; the receipt was not sent empty.
    expect(result).toMatchObject({ sent: 1, retried: 1 })
    expect(fake.smtp.received.slice(before).map((m) => m.to[0])).toEqual([order.producerEmail])
    await prisma.outboxEmail.deleteMany({ where: { dedupeKey: 'receipt:00000000-0000-4000-8000-000000000000' } })
  })

  it('applies a refund deferred while the completion statement waited for the PaymentIntent lock', async () => {
    const order = await pendingOrder()
    const session = paidSession(order)
    const refund = fullRefund(session.payment_intent, order.totalCents, 'ch_waited')
    // Play the refund's transaction by hand: hold the lock, let the completion start (its snapshot
    // then predates the deferral) and block on the lock, and only then commit the deferral.
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    let locked!: () => void
    const haveLock = new Promise<void>((r) => (locked = r))
    const refundTx = prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pi:${session.payment_intent}`}, 0))`
        locked()
        await gate
        await tx.$executeRaw`
          INSERT INTO "StripeEvent" (id, type, "paymentIntentId", "deferredPayload")
          VALUES (${refund.id}, ${refund.type}, ${session.payment_intent}, ${JSON.stringify(refund)}::jsonb)`
      },
      { timeout: 15_000 },
    )
    await haveLock
    const completion = deliver(stripeEvent('checkout.session.completed', session))
    for (let i = 0; i < 200; i++) {
      const [w] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`
      if (w!.n > 0) break
      await new Promise((r) => setTimeout(r, 10))
    }
    release()
    await refundTx
    expect((await completion).outcome).toBe('paid')
    const state = await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })
    expect(state.status).toBe('REFUNDED')
  })

  it('a redelivered completion applies a refund left deferred for its paid order', async () => {
    const order = await pendingOrder()
    const session = paidSession(order)
    const completed = stripeEvent('checkout.session.completed', session)
    expect((await deliver(completed)).outcome).toBe('paid')
    // As if the process died after the fast statement committed and before it applied a refund
    // that deferred while the statement waited for the PaymentIntent lock.
    const refund = fullRefund(session.payment_intent, order.totalCents, 'ch_left')
    await prisma.$executeRaw`
      INSERT INTO "StripeEvent" (id, type, "paymentIntentId", "deferredPayload")
      VALUES (${refund.id}, ${refund.type}, ${session.payment_intent}, ${JSON.stringify(refund)}::jsonb)`
    expect((await deliver(completed)).outcome).toBe('duplicate')
    const state = await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })
    expect(state.status).toBe('REFUNDED')
    const waiting = await prisma.$queryRaw<unknown[]>`
      SELECT 1 FROM "StripeEvent" WHERE "paymentIntentId" = ${session.payment_intent} AND "deferredPayload" IS NOT NULL`
    expect(waiting).toHaveLength(0)
  })
})

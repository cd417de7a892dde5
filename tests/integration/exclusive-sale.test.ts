import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { prisma } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import { ConflictError } from '~/lib/errors'
import { startQueue } from '~/lib/jobs/queue.server'
import { expireAbandonedCheckouts } from '~/lib/orders/checkout-expiry.server'
import { CheckoutRefused, startCheckout } from '~/lib/orders/checkout.server'
import { archiveBeat, updateBeatTiers } from '~/lib/studio/beats.server'
import { relistBeat } from '~/lib/studio/exclusive-sale.server'
import { searchCatalog } from '~/models/beat/catalog.server'
import { loader as beatPage } from '~/routes/beats.$slug'
import { action as webhookAction } from '~/routes/webhooks.stripe'
import { makeBeat, makeProducer } from '../factories'
import { makePaidOrder } from '../factories-orders'
import { stripeEvent, type FakeStripe } from '../fakes/stripe-server'
import { connectFakeStripe } from '../utils/fake-stripe'
import { callRoute, routeArgs } from '../utils/route'

// Exclusive rights on real Postgres with the real Stripe SDK against the fake server, and the job
// queue's workers running (the Stripe calls a sale causes are jobs sent in its transaction).

let fake: FakeStripe
let stopQueue: () => Promise<void>

beforeAll(async () => {
  fake = await connectFakeStripe()
  stopQueue = await startQueue({ pollingIntervalSeconds: 0.5 })
})

afterAll(async () => {
  await stopQueue()
  await fake.close()
})

const EXCLUSIVE_ON = { EXCLUSIVE: { priceCents: 150_000, enabled: true } }

async function exclusiveBeat(title: string, producerId?: string, withFiles = false) {
  return makeBeat({ title, tiers: EXCLUSIVE_ON, withFiles, ...(producerId ? { producerId } : {}) })
}

async function deliver(event: object) {
  const payload = JSON.stringify(event)
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: getEnv().STRIPE_WEBHOOK_SECRET })
  const headers = new Headers({ 'Content-Type': 'application/json', 'Stripe-Signature': signature })
  const res = await callRoute(webhookAction, new Request('http://store.test/webhooks/stripe', { method: 'POST', headers, body: payload }))
  expect(res.status).toBe(200)
  return (res.data as { outcome: string }).outcome
}

/** The buyer pays on Stripe; the completion arrives by webhook. */
async function pay(sessionId: string, email: string) {
  const session = fake.complete(sessionId, { email, name: email.split('@')[0] })
  return deliver(stripeEvent('checkout.session.completed', { ...session }))
}

function order(orderId: string) {
  return prisma.multiItemOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: { status: true, totalCents: true, flaggedReason: true, stripePaymentIntentId: true, items: { select: { id: true, status: true, tier: true } } },
  })
}

function beatSale(beatId: string) {
  return prisma.beat.findUniqueOrThrow({ where: { id: beatId }, select: { exclusiveSoldAt: true, exclusiveItemId: true, slug: true } })
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(CheckoutRefused)
  return (error as CheckoutRefused).problems.map((p) => p.message).join(' ')
}

/** Lets a hold run out as time would: its checkout's expiry moves into the past. */
async function letHoldRunOut(orderId: string) {
  const past = new Date(Date.now() - 60_000)
  await prisma.exclusiveHold.updateMany({ where: { orderId }, data: { expiresAt: past } })
  await prisma.multiItemOrder.update({ where: { id: orderId }, data: { checkoutExpiresAt: past } })
}

describe('selling an Exclusive', () => {
  it('takes the beat off sale for every tier, expires open lease checkouts (on Stripe too) and mails earlier lease holders, who keep their licenses', async () => {
    const beat = await exclusiveBeat('Lone Star')
    const earlier = await makePaidOrder({ email: 'lease@example.test', lines: [{ beatId: beat.id, tier: 'BASIC' }] })
    const openLease = await startCheckout([{ beatId: beat.id, tier: 'TRACKOUT' }], 'slow@example.test')
    const sale = await startCheckout([{ beatId: beat.id, tier: 'EXCLUSIVE' }], 'star@example.test')

    expect(await pay(sale.sessionId, 'star@example.test')).toBe('paid')

    expect((await order(sale.orderId)).status).toBe('PAID')
    expect((await beatSale(beat.id)).exclusiveSoldAt).toBeInstanceOf(Date)
    // The open lease checkout ends in the same transaction; Stripe is told right after the commit.
    expect((await order(openLease.orderId)).status).toBe('EXPIRED')
    await vi.waitFor(() => expect(fake.expireRequests).toContain(openLease.sessionId), { timeout: 10_000, interval: 100 })
    expect(fake.sessions.get(openLease.sessionId)!.status).toBe('expired')
    // The earlier lease stays valid; its holder is told.
    expect((await order(earlier.id)).items[0]!.status).toBe('ACTIVE')
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { kind: 'sold-exclusively', to: 'lease@example.test' } })
    expect(mail.subject).toBe('“Lone Star” was sold exclusively')
    expect(mail.text).toContain('Your license stays valid')
    expect(await prisma.outboxEmail.count({ where: { kind: 'sold-exclusively', to: 'star@example.test' } })).toBe(0)

    // Off sale: catalog, beat page, checkout.
    const catalog = await searchCatalog({ q: 'Lone Star' })
    expect(catalog.beats.map((b) => b.id)).not.toContain(beat.id)
    const page = await beatPage(routeArgs(new Request(`http://store.test/beats/${(await beatSale(beat.id)).slug}`), { slug: (await beatSale(beat.id)).slug }) as never)
    expect(page.options).toEqual([])
    expect(page.beat.exclusiveSoldAt).toBeInstanceOf(Date)
    expect(await refusal(startCheckout([{ beatId: beat.id, tier: 'BASIC' }]))).toBe('“Lone Star” was sold exclusively and is no longer for sale.')
  })

  it('an expired checkout releases its hold at once; without any event the hold ends at its expiry', async () => {
    const beat = await exclusiveBeat('Short Hold')
    const a = await startCheckout([{ beatId: beat.id, tier: 'EXCLUSIVE' }])
    expect(await refusal(startCheckout([{ beatId: beat.id, tier: 'EXCLUSIVE' }]))).toMatch(/^Someone is buying the Exclusive for “Short Hold” right now\./)

    expect(await deliver(stripeEvent('checkout.session.expired', { id: a.sessionId, object: 'checkout.session', metadata: { order_id: a.orderId }, client_reference_id: a.orderId }))).toBe('expired')
    expect(await prisma.exclusiveHold.count({ where: { beatId: beat.id } })).toBe(0)

    const b = await startCheckout([{ beatId: beat.id, tier: 'EXCLUSIVE' }])
    await letHoldRunOut(b.orderId)
    // Nothing released it, but its time is up: the next buyer may hold it.
    const c = await startCheckout([{ beatId: beat.id, tier: 'EXCLUSIVE' }])
    expect((await prisma.exclusiveHold.findUniqueOrThrow({ where: { beatId: beat.id } })).orderId).toBe(c.orderId)
    // The sweep expires b and removes run-out hold rows.
    await letHoldRunOut(c.orderId)
    await expireAbandonedCheckouts(new Date(Date.now() + 10 * 60_000))
    expect((await order(b.orderId)).status).toBe('EXPIRED')
    expect(await prisma.exclusiveHold.count({ where: { beatId: beat.id } })).toBe(0)
  })

  it('a second payment for a sold Exclusive is refunded automatically and flagged to the producer', async () => {
    const producer = await makeProducer({ email: 'maker@example.test' })
    const beat = await exclusiveBeat('Twice Paid', producer.id)
    const first = await startCheckout([{ beatId: beat.id, tier: 'EXCLUSIVE' }], 'first@example.test')
    await letHoldRunOut(first.orderId)
    const second = await startCheckout([{ beatId: beat.id, tier: 'EXCLUSIVE' }], 'second@example.test')

    expect(await pay(second.sessionId, 'second@example.test')).toBe('paid')
    // The first buyer's session was still open on Stripe and they paid it anyway.
    expect(await pay(first.sessionId, 'first@example.test')).toBe('paid')

    const winner = await order(second.orderId)
    const loser = await order(first.orderId)
    expect((await beatSale(beat.id)).exclusiveItemId).toBe(winner.items[0]!.id)
    expect(loser.status).toBe('REFUNDED')
    expect(loser.items[0]!.status).toBe('REFUNDED')
    expect(loser.flaggedReason).toBe('Paid after “Twice Paid” was sold exclusively; refunded automatically.')
    await vi.waitFor(() => expect(fake.refunds).toHaveLength(1), { timeout: 10_000, interval: 100 })
    expect(fake.refunds[0]).toMatchObject({ payment_intent: loser.stripePaymentIntentId, amount: '150000', metadata: { order_item_id: loser.items[0]!.id } })
    const flag = await prisma.outboxEmail.findFirstOrThrow({ where: { kind: 'duplicate-exclusive' } })
    expect(flag.to).toBe('maker@example.test')
    expect(await prisma.outboxEmail.count({ where: { kind: 'refund', to: 'first@example.test' } })).toBe(1)
    // Stripe's refund event for it later changes nothing.
    const refunded = { id: 'ch_dup', object: 'charge', payment_intent: loser.stripePaymentIntentId, amount: 150_000, amount_refunded: 150_000, refunded: true }
    expect(await deliver(stripeEvent('charge.refunded', refunded))).toBe('no-change')
    expect(await prisma.orderItem.count({ where: { beatId: beat.id, tier: 'EXCLUSIVE', status: 'ACTIVE', order: { status: 'PAID' } } })).toBe(1)
  })

  it('a refunded Exclusive leaves the beat off sale until the producer relists it by hand', async () => {
    const producer = await makeProducer()
    const beat = await exclusiveBeat('Came Back', producer.id)
    const sale = await startCheckout([{ beatId: beat.id, tier: 'EXCLUSIVE' }], 'back@example.test')
    await pay(sale.sessionId, 'back@example.test')
    await expect(relistBeat(producer.id, beat.id)).rejects.toThrow(new ConflictError('The Exclusive buyer still holds this beat. It can be relisted only after their order is refunded.'))

    const pi = (await order(sale.orderId)).stripePaymentIntentId
    expect(await deliver(stripeEvent('charge.refunded', { id: 'ch_back', object: 'charge', payment_intent: pi, amount: 150_000, amount_refunded: 150_000, refunded: true }))).toBe('refunded')
    expect((await beatSale(beat.id)).exclusiveSoldAt).toBeInstanceOf(Date)
    expect(await refusal(startCheckout([{ beatId: beat.id, tier: 'BASIC' }]))).toMatch(/sold exclusively/)

    await relistBeat(producer.id, beat.id)
    expect((await beatSale(beat.id)).exclusiveSoldAt).toBeNull()
    await expect(startCheckout([{ beatId: beat.id, tier: 'BASIC' }])).resolves.toMatchObject({ orderId: expect.any(String) })
    // Its Exclusive stays off until the producer offers it again.
    expect(await refusal(startCheckout([{ beatId: beat.id, tier: 'EXCLUSIVE' }]))).toBe('The Exclusive license for “Came Back” is no longer offered.')
  })

  it('a disputed Exclusive keeps the beat off sale and cannot be relisted while the buyer may keep it', async () => {
    const producer = await makeProducer()
    const beat = await exclusiveBeat('Contested', producer.id)
    const sale = await startCheckout([{ beatId: beat.id, tier: 'EXCLUSIVE' }], 'contest@example.test')
    await pay(sale.sessionId, 'contest@example.test')
    const pi = (await order(sale.orderId)).stripePaymentIntentId
    expect(await deliver(stripeEvent('charge.dispute.created', { id: 'dp_x', object: 'dispute', charge: 'ch_x', payment_intent: pi, status: 'needs_response' }))).toBe('disputed')
    expect((await order(sale.orderId)).status).toBe('DISPUTED')
    expect((await beatSale(beat.id)).exclusiveSoldAt).toBeInstanceOf(Date)
    await expect(relistBeat(producer.id, beat.id)).rejects.toThrow(/under a payment dispute/)
    expect(await refusal(startCheckout([{ beatId: beat.id, tier: 'TRACKOUT' }]))).toMatch(/sold exclusively/)
  })

  it('a producer who edits the price or archives the beat during a hold does not stop that checkout: it sells at the price shown', async () => {
    const producer = await makeProducer()
    const beat = await exclusiveBeat('Moving Target', producer.id, true)
    const sale = await startCheckout([{ beatId: beat.id, tier: 'EXCLUSIVE' }], 'target@example.test')
    const tiers = { BASIC: { enabled: true, priceCents: 2_500 }, TRACKOUT: { enabled: true, priceCents: 10_000 }, UNLIMITED: { enabled: true, priceCents: 25_000 }, EXCLUSIVE: { enabled: true, priceCents: 300_000 } }
    await updateBeatTiers(producer.id, beat.id, tiers)
    await archiveBeat(producer.id, beat.id)

    expect(await pay(sale.sessionId, 'target@example.test')).toBe('paid')
    const paid = await order(sale.orderId)
    expect(paid).toMatchObject({ status: 'PAID', totalCents: 150_000 })
    expect((await beatSale(beat.id)).exclusiveItemId).toBe(paid.items[0]!.id)
  })
})

import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import { startQueue } from '~/lib/jobs/queue.server'
import { fulfilCheckoutSession } from '~/lib/orders/completion.server'
import { action as checkoutAction, type CheckoutAnswer } from '~/routes/checkout'
import { action as webhookAction } from '~/routes/webhooks.stripe'
import { makeBeat } from '../factories'
import { stripeEvent, type FakeStripe } from '../fakes/stripe-server'
import { connectFakeStripe } from '../utils/fake-stripe'
import { callRoute } from '../utils/route'

// Twenty buyers race for one Exclusive through the real checkout action, on real Postgres, against
// the real Stripe SDK (talking to the fake server): one holds it, nineteen are told before paying.
// Then the winner's payment arrives many times at once, by webhook and by the success page.

let fake: FakeStripe
let stopQueue: () => Promise<void>

beforeAll(async () => {
  fake = await connectFakeStripe({ DATABASE_POOL_SIZE: '25' })
  stopQueue = await startQueue({ work: false })
})

afterAll(async () => {
  await stopQueue()
  await fake.close()
})

async function checkout(lines: unknown, email: string) {
  const body = new URLSearchParams({ lines: JSON.stringify(lines), email })
  const request = new Request('http://store.test/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://store.test' },
    body,
  })
  const { status, location, data } = await callRoute(checkoutAction, request)
  return { status, location, errors: location ? null : (data as CheckoutAnswer).errors }
}

async function deliver(event: object) {
  const payload = JSON.stringify(event)
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: getEnv().STRIPE_WEBHOOK_SECRET })
  const headers = new Headers({ 'Content-Type': 'application/json', 'Stripe-Signature': signature })
  return callRoute(webhookAction, new Request('http://store.test/webhooks/stripe', { method: 'POST', headers, body: payload }))
}

describe('one Exclusive, twenty buyers', () => {
  it('exactly one checkout holds it; nineteen get the clear refusal; racing completions sell it once', async () => {
    const beat = await makeBeat({ title: 'Only One', tiers: { EXCLUSIVE: { priceCents: 150_000, enabled: true } }, withFiles: false })
    const sessionsBefore = fake.createRequests.length

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => checkout([{ beatId: beat.id, tier: 'EXCLUSIVE' }], `racer${i}@example.test`)),
    )
    const winners = answers.filter((a) => a.status === 302)
    const refused = answers.filter((a) => a.status === 422)
    expect(winners).toHaveLength(1)
    expect(refused).toHaveLength(19)
    for (const r of refused) {
      const line = r.errors!.fieldErrors[`lines.${beat.id}`]![0]!
      expect(line).toMatch(/^Someone is buying the Exclusive for “Only One” right now\. Their checkout holds it until \d{1,2}:\d{2} [AP]M UTC; if they do not pay, try again then \(in about 3[12] minutes\)\.$/)
    }
    // Only the winner reached Stripe; the refused never opened a session or left an order behind.
    expect(fake.createRequests.length - sessionsBefore).toBe(1)
    const orders = await prisma.multiItemOrder.findMany({ where: { items: { some: { beatId: beat.id } } }, select: { id: true, stripeCheckoutSessionId: true, checkoutExpiresAt: true } })
    expect(orders).toHaveLength(1)
    const hold = await prisma.exclusiveHold.findUniqueOrThrow({ where: { beatId: beat.id } })
    expect(hold.orderId).toBe(orders[0]!.id)
    // The hold lasts as long as the checkout: the shortest lifetime Stripe allows (30 min, plus slack).
    expect(hold.expiresAt).toEqual(orders[0]!.checkoutExpiresAt)
    const sessionId = orders[0]!.stripeCheckoutSessionId!
    expect(fake.sessions.get(sessionId)!.expires_at).toBe(Math.floor(hold.expiresAt.getTime() / 1000))
    expect(hold.expiresAt.getTime() - Date.now()).toBeLessThan(33 * 60_000)

    // The payment lands: ten webhook deliveries (some the same event id) and five success-page loads at once.
    const session = fake.complete(sessionId, { email: 'winner@example.test', name: 'Win Ner' })
    const events = Array.from({ length: 5 }, () => stripeEvent('checkout.session.completed', { ...session }))
    const results = await Promise.all([
      ...events.flatMap((e) => [deliver(e), deliver(e)]),
      ...Array.from({ length: 5 }, () => fulfilCheckoutSession(session as unknown as Stripe.Checkout.Session)),
    ])
    expect(results.slice(0, 10).map((r) => (r as { status: number }).status)).toEqual(Array(10).fill(200))

    const lines = await prisma.orderItem.findMany({ where: { beatId: beat.id, tier: 'EXCLUSIVE', status: 'ACTIVE', order: { status: 'PAID' } }, select: { id: true } })
    expect(lines).toHaveLength(1)
    const sold = await prisma.beat.findUniqueOrThrow({ where: { id: beat.id }, select: { exclusiveSoldAt: true, exclusiveItemId: true } })
    expect(sold.exclusiveItemId).toBe(lines[0]!.id)
    expect(sold.exclusiveSoldAt).toBeInstanceOf(Date)
    expect(await prisma.exclusiveHold.count({ where: { beatId: beat.id } })).toBe(0)
    expect(await prisma.stripeEvent.count({ where: { id: { in: events.map((e) => e.id) } } })).toBe(5)

    // Off sale for every tier: a later checkout is refused with a sentence, before any session.
    const late = await checkout([{ beatId: beat.id, tier: 'BASIC' }], 'late@example.test')
    expect(late.status).toBe(422)
    expect(late.errors!.fieldErrors[`lines.${beat.id}`]).toEqual(['“Only One” was sold exclusively and is no longer for sale.'])
  })
})

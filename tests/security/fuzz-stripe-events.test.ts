import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { signStripePayload } from '~/lib/payments/stripe.server'
import { action as webhookAction } from '~/routes/webhooks.stripe'
import { callRoute } from '../utils/route'

// Signed but malformed Stripe events: the signature is right, the body is not an event the store
// can read. No retry can make it readable, so the answer is 400 (Stripe stops retrying a 4xx only
// after its schedule, but nothing is written and the log says why), never a 500.

function signedPost(payload: string) {
  return new Request('http://store.test/webhooks/stripe', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signStripePayload(payload) },
    body: payload,
  })
}

const envelope = { id: 'evt_malformed', object: 'event', type: 'checkout.session.completed', created: 1_700_000_000 }

describe('signed but malformed Stripe events', () => {
  const cases: [string, string][] = [
    ['a `null` body', 'null'],
    ['a JSON string', '"checkout.session.completed"'],
    ['an array', '[]'],
    ['`data` missing', JSON.stringify(envelope)],
    ['`data.object` null', JSON.stringify({ ...envelope, data: { object: null } })],
    ['`data.object` without an id', JSON.stringify({ ...envelope, data: { object: { metadata: {} } } })],
    ['no type', JSON.stringify({ id: 'evt_x', data: { object: { id: 'cs_1' } } })],
    ['a refund with `data` a string', JSON.stringify({ ...envelope, type: 'charge.refunded', data: 'x' })],
  ]
  for (const [label, payload] of cases) {
    it(`${label} answers 400 and records nothing`, async () => {
      const res = await callRoute(webhookAction, signedPost(payload))
      expect(res.status).toBe(400)
      expect(res.data).toMatch(/^Malformed Stripe event: .+ is missing or has the wrong type\.$/)
      expect(await prisma.stripeEvent.count()).toBe(0)
    })
  }

  it('a well-formed event of a type the store does not handle is still accepted', async () => {
    const res = await callRoute(webhookAction, signedPost(JSON.stringify({ ...envelope, type: 'customer.created', data: { object: { id: 'cus_1' } } })))
    expect(res.status).toBe(200)
  })
})

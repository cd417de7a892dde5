import type Stripe from 'stripe'
import { z } from 'zod'
import { InvalidInputError } from '~/lib/errors'
import { STRIPE_API_VERSION } from './stripe.server'

/**
 * An event envelope shaped like Stripe's snapshot events, for whatever delivers events itself: the
 * built-in test checkout, the test suite's fake Stripe and the webhook benchmark.
 */
export function stripeEventEnvelope(id: string, type: string, object: unknown, created = Math.floor(Date.now() / 1000)) {
  return {
    id,
    object: 'event',
    api_version: STRIPE_API_VERSION,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  } as unknown as Stripe.Event
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The id of an expandable Stripe reference (a string id, or the expanded object). */
export function idOf(ref: string | { id: string } | null | undefined): string | null {
  if (!ref) return null
  return typeof ref === 'string' ? ref : ref.id
}

/** The store's order a checkout session pays for; null when it names none (or not ours). */
export function orderIdOf(session: Stripe.Checkout.Session): string | null {
  const id = session.metadata?.order_id ?? session.client_reference_id
  return id && UUID.test(id) ? id : null
}

// What the store reads of every event before looking at its type: a signed body can still be
// `null` or lack `data.object` (a bug at the sender, a hand-made test event). No retry can fix
// such an event, so it is refused as input rather than failing as an outage.
const eventShape = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  created: z.number().optional(),
  data: z.object({ object: z.looseObject({ id: z.string().min(1) }) }),
})

/** The verified event, if it has the envelope every handler relies on; an InvalidInputError if not. */
export function requireEventShape(event: unknown): Stripe.Event {
  const parsed = eventShape.safeParse(event)
  if (parsed.success) return event as Stripe.Event
  const where = parsed.error.issues[0]?.path.map(String).join('.') || 'the event'
  throw new InvalidInputError(`Malformed Stripe event: ${where} is missing or has the wrong type.`)
}

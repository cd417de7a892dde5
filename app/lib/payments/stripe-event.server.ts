import type Stripe from 'stripe'
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

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

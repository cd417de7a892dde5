import type { Route } from './+types/webhooks.stripe'
import { InvalidInputError } from '~/lib/errors'
import { STRIPE_EVENT_LIMIT_BYTES } from '~/lib/http/body-limits'
import { readText } from '~/lib/http/read-body'
import { logger } from '~/lib/logger.server'
import { handleStripeEvent } from '~/lib/orders/stripe-events.server'
import { requireEventShape } from '~/lib/payments/stripe-event.server'
import { verifyStripeEvent, WebhookSignatureError } from '~/lib/payments/stripe.server'

// Stripe (and the built-in test checkout) POSTs events here. Thin on purpose: verify, hand over,
// answer. 400 = bad signature or a malformed event (nothing written; a retry cannot succeed);
// 413 = larger than any event (refused before the signature is checked); 500 = database trouble
// (Stripe retries).

export async function action({ request }: Route.ActionArgs) {
  if (request.method !== 'POST') return new Response('Method not allowed', { status: 405, headers: { Allow: 'POST' } })
  const rawBody = await readText(request, STRIPE_EVENT_LIMIT_BYTES)
  let event
  try {
    event = requireEventShape(verifyStripeEvent(rawBody, request.headers.get('Stripe-Signature')))
  } catch (error) {
    if (error instanceof WebhookSignatureError) return new Response(error.message, { status: 400 })
    if (error instanceof InvalidInputError) {
      logger.warn({ err: error }, 'refused a signed but malformed Stripe event')
      return new Response(error.message, { status: 400 })
    }
    throw error
  }
  try {
    const outcome = await handleStripeEvent(event)
    // no-transform: a few bytes of JSON are not worth gzip's CPU on the hottest route.
    return Response.json({ received: true, outcome }, { headers: { 'Cache-Control': 'no-store, no-transform' } })
  } catch (error) {
    logger.error({ err: error, eventId: event.id, type: event.type }, 'handling a Stripe event failed')
    return new Response('Could not record this event; please retry.', { status: 500 })
  }
}

export function loader() {
  return new Response('Stripe webhooks are POSTed here.', { status: 405, headers: { Allow: 'POST' } })
}

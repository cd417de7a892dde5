import { findOrderBySessionId } from '~/models/order/order.server'
import { isTestSessionId } from '~/lib/payments/checkout-session.server'
import { getStripe } from '~/lib/payments/stripe.server'
import { testSessionFor } from '~/lib/payments/test-checkout.server'
import { logger } from '~/lib/logger.server'
import { fulfilCheckoutSession } from './completion.server'

/**
 * The success page's order. If the webhook has not arrived yet, asks Stripe (or the stand-in) for
 * the session and fulfils it here — Stripe's recommended pattern; the shared fulfilment makes the
 * race with the webhook harmless. Returns null for a session id the store does not know.
 */
export async function orderForSuccessPage(sessionId: string) {
  const order = await findOrderBySessionId(sessionId)
  if (!order) return null
  if (order.status !== 'PENDING' || order.flaggedReason) return order
  try {
    const stripe = getStripe()
    const session = isTestSessionId(sessionId)
      ? testSessionFor(order)
      : stripe
        ? await stripe.checkout.sessions.retrieve(sessionId)
        : null
    if (session?.payment_status !== 'paid') return order
    await fulfilCheckoutSession(session)
  } catch (error) {
    // The webhook will still arrive; the page shows its waiting state meanwhile.
    logger.warn({ err: error, sessionId }, 'success page could not fulfil the session yet')
    return order
  }
  return findOrderBySessionId(sessionId)
}

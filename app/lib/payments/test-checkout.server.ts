import { randomBytes } from 'node:crypto'
import type Stripe from 'stripe'
import { z } from 'zod'
import { getEnv } from '~/lib/env.server'
import { logger } from '~/lib/logger.server'
import { handleStripeEvent } from '~/lib/orders/stripe-events.server'
import { findOrderBySessionId, saveTestCheckoutState, type OrderWithItems } from '~/models/order/order.server'
import { isTestSessionId, productName, testSessionSuffix } from './checkout-session.server'
import { requireEventShape, stripeEventEnvelope } from './stripe-event.server'
import { signStripePayload, verifyStripeEvent } from './stripe.server'

// The built-in test checkout stands in for Stripe's hosted page when no STRIPE_SECRET_KEY is set.
// Its "session" lives on the order (MultiItemOrder.testCheckout); paying hands a signed
// checkout.session.completed to the store's webhook handler, the same path as real Stripe events.

const TestCheckoutState = z.object({
  paid: z.boolean(),
  email: z.string(),
  name: z.string(),
  paymentIntent: z.string(),
  paidAt: z.number(),
})
type TestCheckoutState = z.infer<typeof TestCheckoutState>

export async function findTestCheckoutOrder(sessionId: string) {
  if (!getEnv().testMode.payments || !isTestSessionId(sessionId)) return null
  return findOrderBySessionId(sessionId)
}

/** The stand-in session, shaped like Stripe's Checkout Session (only the fields the store reads). */
export function testSessionFor(order: OrderWithItems): Stripe.Checkout.Session {
  const parsed = TestCheckoutState.safeParse(order.testCheckout)
  const state = parsed.success ? parsed.data : null
  const env = getEnv()
  const session = {
    id: order.stripeCheckoutSessionId!,
    object: 'checkout.session',
    mode: 'payment',
    status: state?.paid ? 'complete' : 'open',
    payment_status: state?.paid ? 'paid' : 'unpaid',
    amount_total: order.totalCents,
    amount_subtotal: order.totalCents,
    currency: order.currency,
    client_reference_id: order.id,
    customer_email: order.email,
    customer_details: state ? { email: state.email, name: state.name } : null,
    payment_intent: state?.paymentIntent ?? null,
    metadata: { order_id: order.id },
    created: Math.floor(order.createdAt.getTime() / 1000),
    expires_at: order.checkoutExpiresAt ? Math.floor(order.checkoutExpiresAt.getTime() / 1000) : null,
    livemode: false,
    success_url: `${env.APP_URL}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${env.APP_URL}/cart`,
    url: `/test-checkout/${order.stripeCheckoutSessionId}`,
    line_items: {
      object: 'list',
      data: order.items.map((item) => ({
        id: `li_test_${item.id.replace(/-/g, '')}`,
        object: 'item',
        amount_total: item.priceCents,
        currency: order.currency,
        description: productName(item.beatTitle, item.tier),
        quantity: 1,
      })),
    },
  }
  return session as unknown as Stripe.Checkout.Session
}

/** A `checkout.session.completed` event the way Stripe would send it for this session. */
function completedEventFor(session: Stripe.Checkout.Session): Stripe.Event {
  return stripeEventEnvelope(`evt_test_local_${testSessionSuffix(session.id)}`, 'checkout.session.completed', session)
}

/** Hands a signed event to the store's webhook handler. */
export type DeliverEvent = (rawBody: string, signature: string) => Promise<void>

/**
 * In-process, never over the network: an address built from the request (its Host header) would
 * let a client aim a signed webhook anywhere. The raw body and signature still go through
 * verification, then to the handler the webhook route calls.
 */
export const deliverToOwnWebhook: DeliverEvent = async (rawBody, signature) => {
  await handleStripeEvent(requireEventShape(verifyStripeEvent(rawBody, signature)))
}

/** Whether the stand-in session can still be paid: open, and not past its expiry (as on Stripe). */
export function isTestCheckoutOpen(order: Pick<OrderWithItems, 'status' | 'checkoutExpiresAt'>, now = new Date()) {
  return order.status === 'PENDING' && (!order.checkoutExpiresAt || order.checkoutExpiresAt > now)
}

/**
 * "Pay": records the buyer's details on the stand-in session, then delivers the signed event to the
 * store's webhook handler. If that delivery fails the success page still fulfils from the stand-in.
 */
export async function payTestCheckout(
  order: OrderWithItems,
  buyer: { email: string; name: string },
  deliver: DeliverEvent = deliverToOwnWebhook,
) {
  const state: TestCheckoutState = {
    paid: true,
    email: buyer.email.toLowerCase(),
    name: buyer.name,
    paymentIntent: `pi_test_local_${randomBytes(12).toString('hex')}`,
    paidAt: Date.now(),
  }
  const previous = TestCheckoutState.safeParse(order.testCheckout)
  // Paying twice (double click, back button) keeps the first payment.
  const final = previous.success && previous.data.paid ? previous.data : state
  await saveTestCheckoutState(order.id, final)
  const session = testSessionFor({ ...order, testCheckout: final })
  const payload = JSON.stringify(completedEventFor(session))
  try {
    await deliver(payload, signStripePayload(payload))
  } catch (error) {
    logger.warn({ err: error, orderId: order.id }, 'test checkout: webhook delivery failed; the success page will fulfil')
  }
  return `/checkout/success?session_id=${encodeURIComponent(session.id)}`
}

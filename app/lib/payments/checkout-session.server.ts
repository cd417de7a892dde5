import type Stripe from 'stripe'
import { getEnv } from '~/lib/env.server'
import { LICENSE_TIERS, type TierId } from '~/lib/tiers'

export interface SessionOrder {
  id: string
  currency: string
  email: string | null
  items: { id: string; beatId: string; tier: TierId; priceCents: number; beatTitle: string }[]
}

export function productName(beatTitle: string, tier: TierId) {
  return `${beatTitle} — ${LICENSE_TIERS[tier].label} license`
}

/** Checkout Session parameters for an order: one line item per order item. */
export function buildSessionParams(order: SessionOrder, expiresAt: Date): Stripe.Checkout.SessionCreateParams {
  const env = getEnv()
  return {
    mode: 'payment',
    line_items: order.items.map((item) => ({
      quantity: 1,
      price_data: {
        currency: env.CURRENCY,
        unit_amount: item.priceCents,
        product_data: {
          name: productName(item.beatTitle, item.tier),
          metadata: { order_id: order.id, order_item_id: item.id, beat_id: item.beatId, tier: item.tier },
        },
      },
    })),
    metadata: { order_id: order.id },
    client_reference_id: order.id,
    payment_intent_data: { metadata: { order_id: order.id } },
    ...(order.email ? { customer_email: order.email } : {}),
    expires_at: Math.floor(expiresAt.getTime() / 1000),
    success_url: `${env.APP_URL}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${env.APP_URL}/cart`,
  }
}

/** Creates the Stripe Checkout Session; the idempotency key makes a retry return the same one. */
export async function createStripeSession(stripe: Stripe, order: SessionOrder, expiresAt: Date) {
  const session = await stripe.checkout.sessions.create(buildSessionParams(order, expiresAt), {
    idempotencyKey: `checkout-${order.id}`,
  })
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`)
  return { id: session.id, url: session.url }
}

/** The built-in test checkout's session id for an order (no Stripe involved). */
export function testSessionId(orderId: string) {
  return `cs_test_local_${orderId.replace(/-/g, '')}`
}

export function isTestSessionId(sessionId: string) {
  return sessionId.startsWith('cs_test_local_')
}


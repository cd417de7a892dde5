import { randomBytes } from 'node:crypto'
import type Stripe from 'stripe'
import { getEnv } from '~/lib/env.server'
import { LICENSE_TIERS, type TierId } from '~/lib/tiers'
import { formatMoney } from '~/lib/money'
import { readAdjustments } from '~/lib/pricing/adjustments'

export interface SessionOrder {
  id: string
  currency: string
  email: string | null
  items: { id: string; beatId: string; tier: TierId; priceCents: number; beatTitle: string; listPriceCents?: number; adjustments?: unknown }[]
}

/** "List price $25.00 · Buy 2 Basic, get 1 free (Mara Sol) −$25.00", or nothing for a full-price line. */
export function discountDescription(item: SessionOrder['items'][number], currency: string): string | null {
  const adjustments = readAdjustments(item.adjustments)
  if (!adjustments.length || item.listPriceCents === undefined) return null
  return [`List price ${formatMoney(item.listPriceCents, currency)}`, ...adjustments.map((a) => `${a.label} −${formatMoney(a.cents, currency)}`)].join(' · ')
}

export function productName(beatTitle: string, tier: TierId) {
  return `${beatTitle} — ${LICENSE_TIERS[tier].label} license`
}

/**
 * Checkout Session parameters for an order: one line item per order item, at the amount the buyer
 * pays for it after deals and codes (docs/decisions/0012-discounts-in-stripe.md), so Stripe's
 * total is the order's total and each Stripe line is the line a refund gives back.
 */
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
          ...withDescription(discountDescription(item, env.CURRENCY)),
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

function withDescription(description: string | null) {
  return description ? { description } : {}
}

/** Creates the Stripe Checkout Session; the idempotency key makes a retry return the same one. */
export async function createStripeSession(stripe: Stripe, order: SessionOrder, expiresAt: Date) {
  const session = await stripe.checkout.sessions.create(buildSessionParams(order, expiresAt), {
    idempotencyKey: `checkout-${order.id}`,
  })
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`)
  return { id: session.id, url: session.url }
}

// Stripe refuses an `expires_at` less than 30 minutes after it receives the request, or more than
// 24 hours; "exactly now + 30 min" is already too soon when it arrives. The slack covers the trip.
const STRIPE_MIN_EXPIRY_MS = 30 * 60_000
const STRIPE_MAX_EXPIRY_MS = 24 * 3600_000
const EXPIRY_SLACK_MS = 2 * 60_000

/** A checkout's lifetime: the configured minutes plus slack, within Stripe's range. */
export function checkoutLifetimeMs(lifetimeMinutes: number): number {
  return Math.min(Math.max(lifetimeMinutes * 60_000, STRIPE_MIN_EXPIRY_MS) + EXPIRY_SLACK_MS, STRIPE_MAX_EXPIRY_MS)
}

/** When a checkout opened at `now` expires. */
export function checkoutExpiresAt(lifetimeMinutes: number, now = new Date()): Date {
  return new Date(now.getTime() + checkoutLifetimeMs(lifetimeMinutes))
}

const TEST_SESSION_PREFIX = 'cs_test_local_'
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** `length` random base62 characters (rejection sampling keeps every character equally likely). */
function randomBase62(length: number): string {
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62]
    }
  }
  return out
}

/**
 * A new stand-in session id for the built-in test checkout. Random like Stripe's (58 base62
 * characters, about 345 bits) and stored on the order: the id opens the success page, so it must
 * not be derivable from anything else the store shows, such as the order id.
 */
export function newTestSessionId() {
  return TEST_SESSION_PREFIX + randomBase62(58)
}

export function isTestSessionId(sessionId: string) {
  return sessionId.startsWith(TEST_SESSION_PREFIX)
}

/** The part after the prefix (the stand-in's event ids reuse it). */
export function testSessionSuffix(sessionId: string) {
  return sessionId.slice(TEST_SESSION_PREFIX.length)
}

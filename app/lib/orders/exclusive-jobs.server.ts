import Stripe from 'stripe'
import { defineJob } from '~/lib/jobs/queue.server'
import { logger } from '~/lib/logger.server'
import { getStripe } from '~/lib/payments/stripe.server'

// The Stripe calls an exclusive sale causes, made after its transaction commits (sent with
// `sendIn`, so they exist exactly when the sale does). Both are idempotent: expiring a session that
// is no longer open changes nothing, and a refund's idempotency key is its order line.

const RETRY = { retryLimit: 10, retryDelay: 30, retryBackoff: true }

/** Stripe answers 400 when the session is no longer open (paid, or expired already): nothing to do. */
function isSettledAlready(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError
}

export const expireCheckoutSessionJob = defineJob<{ sessionId: string }>(
  'expire-checkout-session',
  async ({ sessionId }) => {
    const stripe = getStripe()
    if (!stripe) return
    try {
      await stripe.checkout.sessions.expire(sessionId)
    } catch (error) {
      if (isSettledAlready(error)) {
        logger.info({ sessionId }, 'checkout session was no longer open; nothing to expire')
        return
      }
      throw error
    }
  },
  RETRY,
)

/** Gives the money back for one order line (a second payment for an Exclusive already sold). */
export const refundLineJob = defineJob<{ paymentIntentId: string; itemId: string; orderId: string; amountCents: number }>(
  'refund-order-line',
  async ({ paymentIntentId, itemId, orderId, amountCents }) => {
    const stripe = getStripe()
    if (!stripe || amountCents <= 0) return
    await stripe.refunds.create(
      { payment_intent: paymentIntentId, amount: amountCents, reason: 'duplicate', metadata: { order_id: orderId, order_item_id: itemId } },
      { idempotencyKey: `refund-line-${itemId}` },
    )
  },
  RETRY,
)

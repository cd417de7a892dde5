import { prisma } from '~/lib/db.server'
import { getEnv } from '~/lib/env.server'
import type { CartLine } from '~/lib/cart/lines'
import { logger } from '~/lib/logger.server'
import { createStripeSession, testSessionId } from '~/lib/payments/checkout-session.server'
import { getStripe } from '~/lib/payments/stripe.server'
import { snapshotTerms, type TierId, type UsageTerms } from '~/lib/tiers'
import { attachCheckoutSession, insertPendingOrder } from '~/models/order/order.server'
import { getProducerTerms } from '~/models/producer.server'
import { priceLines, type LineProblem } from './pricing.server'

/** Thrown when some lines cannot be bought; carries a message per line for the cart page. */
export class CheckoutRefused extends Error {
  constructor(public readonly problems: LineProblem[]) {
    super(problems.map((p) => p.message).join(' '))
  }
}

export class PaymentProviderError extends Error {}

/**
 * Re-prices the lines from the database, creates a PENDING order with its items in one transaction,
 * then opens a checkout (Stripe, or the built-in test checkout) and returns where to send the buyer.
 */
export async function startCheckout(lines: CartLine[], email: string | null = null) {
  const env = getEnv()
  const order = await prisma.$transaction(async (tx) => {
    const { priced, problems } = await priceLines(lines, tx)
    if (problems.length) throw new CheckoutRefused(problems)
    const termsByProducer = new Map<string, Record<TierId, UsageTerms>>()
    for (const producerId of new Set(priced.map((p) => p.producerId)))
      termsByProducer.set(producerId, await getProducerTerms(producerId, tx))
    return insertPendingOrder(tx, {
      currency: env.CURRENCY,
      email,
      items: priced.map((line) => ({
        beatId: line.beatId,
        producerId: line.producerId,
        tier: line.tier,
        priceCents: line.priceCents,
        beatTitle: line.beatTitle,
        producerName: line.producerName,
        termsSnapshot: snapshotTerms(line.tier, termsByProducer.get(line.producerId)![line.tier]),
      })),
    })
  })

  const expiresAt = new Date(Date.now() + env.CHECKOUT_EXPIRES_MINUTES * 60_000)
  const stripe = getStripe()
  if (!stripe) {
    const sessionId = testSessionId(order.id)
    await attachCheckoutSession(order.id, sessionId, expiresAt)
    return { orderId: order.id, sessionId, url: `/test-checkout/${sessionId}` }
  }
  try {
    const session = await createStripeSession(stripe, order, expiresAt)
    await attachCheckoutSession(order.id, session.id, expiresAt)
    return { orderId: order.id, sessionId: session.id, url: session.url }
  } catch (error) {
    // The PENDING order without a session is harmless: nothing can pay it.
    logger.error({ err: error, orderId: order.id }, 'creating the Stripe checkout session failed')
    throw new PaymentProviderError('The payment provider could not start a checkout. Please try again in a moment.')
  }
}

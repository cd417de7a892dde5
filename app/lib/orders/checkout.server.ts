import { prisma } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import type { CartLine } from '~/lib/cart/lines'
import { logger } from '~/lib/logger.server'
import { InvalidInputError } from '~/lib/errors'
import { checkoutExpiresAt, createStripeSession, newTestSessionId } from '~/lib/payments/checkout-session.server'
import { checkoutMaximumMessage, checkoutMinimumMessage, isOverCheckoutMaximum, isUnderCheckoutMinimum } from '~/lib/payments/limits'
import { getStripe } from '~/lib/payments/stripe.server'
import { snapshotTerms, type TierId, type UsageTerms } from '~/lib/tiers'
import { attachCheckoutSession, insertPendingOrder } from '~/models/order/order.server'
import { markExpired } from '~/models/order/transitions.server'
import { getProducerTerms } from '~/models/producer.server'
import { priceOrder } from '~/lib/pricing/price-order'
import { withContracts } from '~/lib/contracts/freeze.server'
import { checkPrivateLinkCaps } from '~/lib/private-links/checkout-cap.server'
import { linesToPrice, priceLines, type LineProblem } from './pricing.server'
import { holdExclusives } from './exclusive-hold.server'
import { resolveUpgrades } from './upgrades.server'
import { releaseExclusiveHolds } from '~/models/exclusive.server'
import { holdCode, pricingOptions } from './checkout-discounts.server'

// A burst of checkouts for one code or one Exclusive queues on that row's lock: each waits its turn
// for a connection and the lock rather than failing after Prisma's 2 s default.
const CHECKOUT_TRANSACTION = { maxWait: 15_000, timeout: 20_000 }

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
export async function startCheckout(lines: CartLine[], email: string | null = null, code: string | null = null, now = new Date()) {
  const env = getEnv()
  // A checkout holding an Exclusive lives the shortest time Stripe allows, so its hold does too.
  const expiresAt = checkoutExpiresAt(lines.some((l) => l.tier === 'EXCLUSIVE') ? 0 : env.CHECKOUT_EXPIRES_MINUTES)
  const order = await prisma.$transaction(async (tx) => {
    const { priced, problems } = await priceLines(lines, tx, now)
    const upgrades = await resolveUpgrades(lines, priced, tx)
    problems.push(...upgrades.problems)
    if (problems.length) throw new CheckoutRefused(problems)
    const linkProblems = await checkPrivateLinkCaps(tx, priced, now)
    if (linkProblems.length) throw new CheckoutRefused(linkProblems)
    const discounts = await pricingOptions(priced, code, email, tx)
    const prices = priceOrder(
      linesToPrice(priced, upgrades.byIndex),
      discounts.options,
    )
    const totalCents = prices.totalCents
    if (isOverCheckoutMaximum(totalCents)) throw new InvalidInputError(checkoutMaximumMessage(totalCents, env.CURRENCY))
    if (isUnderCheckoutMinimum(totalCents, env.CURRENCY)) throw new InvalidInputError(checkoutMinimumMessage(totalCents, env.CURRENCY))
    const termsByProducer = new Map<string, Record<TierId, UsageTerms>>()
    for (const producerId of new Set(priced.map((p) => p.producerId)))
      termsByProducer.set(producerId, await getProducerTerms(producerId, tx))
    const inserted = await insertPendingOrder(tx, {
      currency: env.CURRENCY,
      email,
      items: await withContracts(tx, env.CURRENCY, priced.map((line, i) => ({
        beatId: line.beatId,
        producerId: line.producerId,
        tier: line.tier,
        priceCents: prices.lines[i]!.paidCents,
        listPriceCents: prices.lines[i]!.listPriceCents,
        adjustments: prices.lines[i]!.adjustments,
        beatTitle: line.beatTitle,
        producerName: line.producerName,
        privateLinkId: line.privateLinkId ?? null,
        termsSnapshot: snapshotTerms(line.tier, termsByProducer.get(line.producerId)![line.tier]),
        supersedesItemId: upgrades.byIndex.get(line.index)?.supersedesItemId ?? null,
      }))),
    })
    const held = await holdExclusives(tx, inserted.id, priced, expiresAt)
    if (held.length) throw new CheckoutRefused(held)
    await holdCode(tx, discounts.coupon, prices.code, inserted.id, email)
    return inserted
  }, CHECKOUT_TRANSACTION)

  const stripe = getStripe()
  if (!stripe) {
    const sessionId = newTestSessionId()
    await attachCheckoutSession(order.id, sessionId, expiresAt)
    return { orderId: order.id, sessionId, url: `/test-checkout/${sessionId}` }
  }
  try {
    const session = await createStripeSession(stripe, order, expiresAt)
    await attachCheckoutSession(order.id, session.id, expiresAt)
    return { orderId: order.id, sessionId: session.id, url: session.url }
  } catch (error) {
    logger.error({ err: error, orderId: order.id }, 'creating the Stripe checkout session failed')
    // Nobody can pay an order without a checkout, so it ends now rather than waiting for the sweep.
    // EXPIRED rather than FAILED: if Stripe did create the session (a timeout after it answered),
    // a payment for it can still complete an EXPIRED order.
    await releaseExclusiveHolds(prisma, order.id).catch(() => {})
    await markExpired(prisma, order.id).catch((err: unknown) => logger.warn({ err, orderId: order.id }, 'could not expire the order; the sweep will'))
    throw new PaymentProviderError('The payment provider could not start a checkout. Please try again in a moment.')
  }
}

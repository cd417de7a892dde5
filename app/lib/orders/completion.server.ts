import type Stripe from 'stripe'
import { prisma, type Tx } from '~/models/db.server'
import { logger } from '~/lib/logger.server'
import { idOf, orderIdOf } from '~/lib/payments/stripe-event.server'
import { completePaidCheckout, type PaidSession } from '~/models/order/completion.server'
import { findOrderPaymentFacts } from '~/models/order/order.server'
import { flagOrder } from '~/models/order/transitions.server'
import { recordEvent } from '~/models/stripe-event.server'
import { planOrderPayouts } from '~/lib/payouts/plan.server'
import { applyDeferredEvents } from './charge-events.server'
import type { EventOutcome } from './event-outcome'
import { settleExclusiveRights } from './exclusive-sale.server'
import { settleUpgrades } from './upgrade-settle.server'
import { sealContracts } from '~/lib/contracts/freeze.server'

// A paid checkout session, whoever saw it first: the webhook (checkout.session.completed or
// async_payment_succeeded, with its event), the success page or reconcile (without). One path:
// completePaidCheckout moves the order, records the event and queues the receipt in one
// statement under the PaymentIntent lock; refunds or disputes that arrived first are applied next,
// in the same transaction; a session that moved nothing is explained (and a mismatch flagged).

// Under a burst of deliveries, waiting a little longer for a pooled connection beats answering 500
// (Stripe would retry, but every retry is more load). Still well inside Stripe's own timeout.
export const EVENT_TX_OPTIONS = { maxWait: 8_000, timeout: 15_000 }

type SessionEvent = { id: string; type: string }

export async function completeSession(tx: Tx, session: Stripe.Checkout.Session, event: SessionEvent | null): Promise<EventOutcome> {
  const orderId = orderIdOf(session)
  if (!orderId || session.payment_status !== 'paid') {
    if (event && !(await recordEvent(tx, event.id, event.type))) return 'duplicate'
    if (orderId) return 'not-paid'
    logger.warn({ sessionId: session.id }, 'checkout session names no order of this store; ignored')
    return 'unknown-order'
  }
  const paid = paidSession(session, orderId)
  const completion = await completePaidCheckout(tx, paid, event)
  if (completion.moved) await settleExclusiveRights(tx, orderId, paid.paymentIntentId)
  if (completion.moved) await settleUpgrades(tx, orderId, paid.paymentIntentId)
  // Ledger rows, sale emails and the transfer job commit with the order (before deferred refunds apply).
  if (completion.moved) await planOrderPayouts(tx, orderId)
  // Also on a redelivery: heals events left deferred for an order that is paid by now.
  if (completion.deferredWaiting && paid.paymentIntentId) await applyDeferredEvents(tx, paid.paymentIntentId)
  if (!completion.recorded) return 'duplicate'
  if (completion.moved) {
    await sealContracts(tx, orderId)
    return 'paid'
  }
  return explainNoTransition(tx, orderId, session)
}

/** The success page and reconcile: fulfil a session retrieved from Stripe (or the stand-in). */
export async function fulfilCheckoutSession(session: Stripe.Checkout.Session): Promise<EventOutcome> {
  return prisma.$transaction((tx) => completeSession(tx, session, null), EVENT_TX_OPTIONS)
}

function paidSession(session: Stripe.Checkout.Session, orderId: string): PaidSession {
  return {
    orderId,
    sessionId: session.id,
    paymentIntentId: idOf(session.payment_intent),
    amountTotal: session.amount_total,
    currency: (session.currency ?? '').toLowerCase(),
    email: session.customer_details?.email?.toLowerCase() ?? null,
    buyerName: session.customer_details?.name ?? null,
  }
}

/** The order did not move: unknown, already paid, or a mismatch to refuse and flag. */
async function explainNoTransition(tx: Tx, orderId: string, session: Stripe.Checkout.Session): Promise<EventOutcome> {
  const order = await findOrderPaymentFacts(orderId, tx)
  if (!order) {
    logger.warn({ sessionId: session.id, orderId }, 'paid checkout session for an unknown order')
    return 'unknown-order'
  }
  if (order.status !== 'PENDING' && order.status !== 'EXPIRED') return 'already-done'
  const problem =
    session.amount_total !== order.totalCents
      ? `Stripe reported ${session.amount_total} ${session.currency} paid but the order totals ${order.totalCents} ${order.currency}`
      : (session.currency ?? '').toLowerCase() !== order.currency
        ? `Stripe reported currency ${session.currency} but the order is in ${order.currency}`
        : `Paid session ${session.id} is not the order's session ${order.stripeCheckoutSessionId}`
  await flagOrder(tx, order.id, problem)
  logger.error({ orderId, sessionId: session.id }, `refused to fulfil: ${problem}`)
  return 'mismatch'
}

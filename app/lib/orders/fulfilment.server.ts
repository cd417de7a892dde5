import type Stripe from 'stripe'
import type { InputJsonValue } from '~/generated/prisma/internal/prismaNamespace'
import { prisma, type Tx } from '~/lib/db.server'
import { logger } from '~/lib/logger.server'
import { queueDisputeNotice, queueReceipt } from '~/lib/mail/order-notifications.server'
import { findOrderByPaymentIntent, flagOrder, transitionOrder } from '~/models/order.server'
import { completeInOneStatement, idOf, orderIdOf, paidTransition, paymentIntentLockKey } from './fast-completion.server'
import { applyRefund } from './refunds.server'

// Every Stripe event and the success page end up here. Rules that keep it exactly-once:
// - the event id is inserted into StripeEvent in the same transaction as the state change, so a
//   repeated delivery is a no-op and a failed one leaves nothing behind (Stripe retries);
// - state changes are conditional UPDATEs (… WHERE status IN (…)), so concurrent fulfilment of one
//   session moves the order once and queues one receipt;
// - refund/dispute events that arrive before their completion are stored against the
//   PaymentIntent and applied when the completion lands. An advisory lock on the PaymentIntent
//   closes the gap: the refund takes it before looking for the order, the completion takes it
//   right after its UPDATE and before reading deferred events, so one always sees the other.
//   The one-statement fast path (./fast-completion.server.ts) takes the same lock in its UPDATE's
//   RETURNING and then looks for deferred events with a fresh snapshot, so a refund that deferred
//   while it waited for the lock is seen; it applies those after its commit, under the lock.

export const HANDLED_EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.closed',
] as const

export type EventOutcome =
  | 'ignored'
  | 'duplicate'
  | 'paid'
  | 'already-done'
  | 'not-paid'
  | 'mismatch'
  | 'unknown-order'
  | 'expired'
  | 'failed'
  | 'refunded'
  | 'partially-refunded'
  | 'disputed'
  | 'dispute-won'
  | 'deferred'
  | 'no-change'

const handled = new Set<string>(HANDLED_EVENT_TYPES)
// Under a burst of deliveries, waiting a little longer for a pooled connection beats answering 500
// (Stripe would retry, but every retry is more load). Still well inside Stripe's own timeout.
const EVENT_TX_OPTIONS = { maxWait: 8_000, timeout: 15_000 }

export async function handleStripeEvent(event: Stripe.Event): Promise<EventOutcome> {
  if (!handled.has(event.type)) return 'ignored'
  if (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded') {
    const outcome = await tryFastCompletion(event.id, event.type, event.data.object)
    if (outcome) return outcome
  } else {
    // Fast path for redeliveries: one read instead of a transaction (the INSERT below still decides).
    const seen = await prisma.$queryRaw<unknown[]>`SELECT 1 FROM "StripeEvent" WHERE id = ${event.id}`
    if (seen.length) return 'duplicate'
  }
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "StripeEvent" (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING`
    if (inserted === 0) return 'duplicate'
    return applyEvent(tx, event)
  }, EVENT_TX_OPTIONS)
}

/**
 * The hot path (./fast-completion.server.ts). Null when it moved nothing and was no redelivery:
 * not ours, not paid, a mismatch, already paid, deferred events waiting, or a race lost; the
 * transaction in handleStripeEvent then records the event and says which.
 */
async function tryFastCompletion(eventId: string, type: string, session: Stripe.Checkout.Session): Promise<EventOutcome | null> {
  const fast = await completeInOneStatement(eventId, type, session)
  const paymentIntentId = idOf(session.payment_intent)
  if (fast?.moved) {
    // A refund/dispute deferred while the statement waited for the PaymentIntent lock.
    if (paymentIntentId && fast.deferredAfterLock) await applyDeferredEventsNow(paymentIntentId)
    return 'paid'
  }
  if (fast?.seen) {
    // Heals a crash (or failure, answered 500) between the statement and applying deferred events.
    if (paymentIntentId && fast.deferredForPaidOrder) await applyDeferredEventsNow(paymentIntentId)
    return 'duplicate'
  }
  return null
}

/** The success page and reconciliation: fulfil a session retrieved from Stripe (or the stand-in). */
export async function fulfilCheckoutSession(session: Stripe.Checkout.Session): Promise<EventOutcome> {
  return prisma.$transaction((tx) => fulfilSession(tx, session), EVENT_TX_OPTIONS)
}

/** `fromDeferred`: replaying a stored event, so its own earlier deferred siblings are being applied already. */
async function applyEvent(tx: Tx, event: Stripe.Event, fromDeferred = false): Promise<EventOutcome> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return fulfilSession(tx, event.data.object)
    case 'checkout.session.async_payment_failed':
      return endUnpaid(tx, event.data.object, 'FAILED')
    case 'checkout.session.expired':
      return endUnpaid(tx, event.data.object, 'EXPIRED')
    case 'charge.refunded': {
      const charge = event.data.object
      const order = await orderForPaymentIntent(tx, idOf(charge.payment_intent))
      if (!order) return deferOrDrop(tx, event, idOf(charge.payment_intent))
      if (!fromDeferred) await applyDeferredEvents(tx, idOf(charge.payment_intent)!)
      return applyRefund(tx, order.id, charge)
    }
    case 'charge.dispute.created':
    case 'charge.dispute.closed': {
      const dispute = event.data.object
      const order = await orderForPaymentIntent(tx, idOf(dispute.payment_intent))
      if (!order) return deferOrDrop(tx, event, idOf(dispute.payment_intent))
      if (!fromDeferred) await applyDeferredEvents(tx, idOf(dispute.payment_intent)!)
      return applyDispute(tx, order.id, event.type, dispute)
    }
    default:
      return 'ignored'
  }
}

async function lockPaymentIntent(tx: Tx, paymentIntentId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${paymentIntentLockKey(paymentIntentId)}, 0))`
}

async function orderForPaymentIntent(tx: Tx, paymentIntentId: string | null) {
  if (!paymentIntentId) return null
  await lockPaymentIntent(tx, paymentIntentId)
  return findOrderByPaymentIntent(paymentIntentId, tx)
}

async function deferOrDrop(tx: Tx, event: Stripe.Event, paymentIntentId: string | null): Promise<EventOutcome> {
  if (!paymentIntentId) {
    logger.warn({ eventId: event.id, type: event.type }, 'Stripe event names no PaymentIntent; ignored')
    return 'unknown-order'
  }
  await tx.stripeEvent.update({
    where: { id: event.id },
    data: { paymentIntentId, deferredPayload: event as unknown as InputJsonValue },
    select: { id: true },
  })
  logger.info({ eventId: event.id, type: event.type, paymentIntentId }, 'deferred until the order is paid')
  return 'deferred'
}

export async function fulfilSession(tx: Tx, session: Stripe.Checkout.Session): Promise<EventOutcome> {
  const orderId = orderIdOf(session)
  if (!orderId) {
    logger.warn({ sessionId: session.id }, 'checkout session names no order of this store; ignored')
    return 'unknown-order'
  }
  if (session.payment_status !== 'paid') return 'not-paid'
  const { paymentIntentId, set, matches } = paidTransition(session, orderId)
  // One conditional UPDATE does the check and the transition: only a PENDING (or EXPIRED) order
  // whose total, currency and session match moves, so concurrent callers move it once. RETURNING
  // takes the PaymentIntent lock (see deferOrDrop) only when the order actually moved.
  const moved = await tx.$queryRaw<{ id: string; locked: number }[]>`
    UPDATE "MultiItemOrder" SET ${set}
    WHERE ${matches}
    RETURNING id, (SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(${paymentIntentLockKey(paymentIntentId)}, 0))) l)::int AS locked`
  if (!moved.length) return explainNoTransition(tx, orderId, session)
  await queueReceipt(tx, orderId)
  if (paymentIntentId) await applyDeferredEvents(tx, paymentIntentId)
  return 'paid'
}

/** Slow path: the order did not move. Unknown, already paid, or a mismatch to refuse and flag. */
async function explainNoTransition(tx: Tx, orderId: string, session: Stripe.Checkout.Session): Promise<EventOutcome> {
  const order = await tx.multiItemOrder.findUnique({
    where: { id: orderId },
    select: { id: true, status: true, totalCents: true, currency: true, stripeCheckoutSessionId: true },
  })
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

/** For the fast path, after its statement committed: apply waiting events under the PaymentIntent lock. */
async function applyDeferredEventsNow(paymentIntentId: string) {
  await prisma.$transaction(async (tx) => {
    await lockPaymentIntent(tx, paymentIntentId)
    await applyDeferredEvents(tx, paymentIntentId)
  }, EVENT_TX_OPTIONS)
}

/**
 * Applies stored events in the order Stripe created them. Also run before a refund/dispute that
 * finds its order, so one arriving just after a fast-path completion (before that applied what
 * waited) cannot overtake an earlier event. Caller holds the PaymentIntent lock.
 */
async function applyDeferredEvents(tx: Tx, paymentIntentId: string) {
  const rows = await tx.$queryRaw<{ id: string; payload: Stripe.Event }[]>`
    SELECT id, "deferredPayload" AS payload FROM "StripeEvent"
    WHERE "paymentIntentId" = ${paymentIntentId} AND "deferredPayload" IS NOT NULL
    ORDER BY ("deferredPayload"->>'created')::bigint, "processedAt"`
  for (const { id, payload } of rows) {
    await applyEvent(tx, payload, true)
    await tx.$executeRaw`UPDATE "StripeEvent" SET "deferredPayload" = NULL WHERE id = ${id}`
  }
}

async function endUnpaid(tx: Tx, session: Stripe.Checkout.Session, status: 'FAILED' | 'EXPIRED'): Promise<EventOutcome> {
  const orderId = orderIdOf(session)
  if (!orderId) return 'unknown-order'
  // Only a PENDING order can end unpaid: an expiry after the completion leaves it PAID.
  const moved = await transitionOrder(tx, orderId, ['PENDING'], { status })
  return moved ? (status === 'FAILED' ? 'failed' : 'expired') : 'no-change'
}

async function applyDispute(
  tx: Tx,
  orderId: string,
  type: 'charge.dispute.created' | 'charge.dispute.closed',
  dispute: Stripe.Dispute,
): Promise<EventOutcome> {
  if (type === 'charge.dispute.created') {
    const moved = await transitionOrder(tx, orderId, ['PAID'], { status: 'DISPUTED', disputedAt: new Date() })
    if (moved) await queueDisputeNotice(tx, orderId)
    return moved ? 'disputed' : 'no-change'
  }
  // Closed in the seller's favour restores access; a lost dispute keeps downloads suspended.
  if (dispute.status !== 'won') return 'no-change'
  const moved = await transitionOrder(tx, orderId, ['DISPUTED'], { status: 'PAID' })
  return moved ? 'dispute-won' : 'no-change'
}

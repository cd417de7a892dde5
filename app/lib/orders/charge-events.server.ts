import type Stripe from 'stripe'
import type { Tx } from '~/models/db.server'
import { logger } from '~/lib/logger.server'
import { queueDisputeNotice } from '~/lib/mail/order-notifications.server'
import { idOf } from '~/lib/payments/stripe-event.server'
import { holdPayoutsForDispute, settlePayoutsAfterDispute } from '~/lib/payouts/adjustments.server'
import { findOrderByPaymentIntent } from '~/models/order/order.server'
import { markDisputed, markDisputeWon } from '~/models/order/transitions.server'
import { clearDeferredEvent, deferEvent, listDeferredEvents, lockPaymentIntent } from '~/models/stripe-event.server'
import type { EventOutcome } from './event-outcome'
import { applyRefund } from './refunds.server'

// Refunds and disputes: events about a charge, found by its PaymentIntent. One that arrives before
// the completion it refers to is deferred (kept against the PaymentIntent) and applied by that
// completion (./completion.server.ts). Both sides hold the PaymentIntent lock while they look, so
// one always sees the other (see completePaidCheckout).

type ChargeEvent = Stripe.ChargeRefundedEvent | Stripe.ChargeDisputeCreatedEvent | Stripe.ChargeDisputeClosedEvent

export function isChargeEvent(event: Stripe.Event): event is ChargeEvent {
  return event.type === 'charge.refunded' || event.type === 'charge.dispute.created' || event.type === 'charge.dispute.closed'
}

/**
 * Applies a recorded refund/dispute event in the caller's transaction. `fromDeferred`: replaying a
 * stored event, so its earlier deferred siblings are being applied already.
 */
export async function applyChargeEvent(tx: Tx, event: ChargeEvent, { fromDeferred = false } = {}): Promise<EventOutcome> {
  const paymentIntentId = idOf(event.data.object.payment_intent)
  if (!paymentIntentId) {
    logger.warn({ eventId: event.id, type: event.type }, 'Stripe event names no PaymentIntent; ignored')
    return 'unknown-order'
  }
  await lockPaymentIntent(tx, paymentIntentId)
  const order = await findOrderByPaymentIntent(paymentIntentId, tx)
  if (!order) {
    await deferEvent(tx, event, paymentIntentId)
    logger.info({ eventId: event.id, type: event.type, paymentIntentId }, 'deferred until the order is paid')
    return 'deferred'
  }
  // Events deferred earlier go first, so a later one cannot overtake them.
  if (!fromDeferred) await applyDeferredEvents(tx, paymentIntentId)
  if (event.type === 'charge.refunded') return applyRefund(tx, order.id, event.data.object)
  return applyDispute(tx, order.id, event)
}

/**
 * Applies the events deferred for a PaymentIntent, in the order Stripe created them, and clears
 * each one applied (one whose order is still not paid stays deferred). Caller holds the lock.
 */
export async function applyDeferredEvents(tx: Tx, paymentIntentId: string): Promise<void> {
  for (const { id, payload } of await listDeferredEvents(tx, paymentIntentId)) {
    if (!isChargeEvent(payload)) continue
    const outcome = await applyChargeEvent(tx, payload, { fromDeferred: true })
    if (outcome !== 'deferred') await clearDeferredEvent(tx, id)
  }
}

async function applyDispute(
  tx: Tx,
  orderId: string,
  event: Stripe.ChargeDisputeCreatedEvent | Stripe.ChargeDisputeClosedEvent,
): Promise<EventOutcome> {
  if (event.type === 'charge.dispute.created') {
    const moved = await markDisputed(tx, orderId)
    if (moved) await queueDisputeNotice(tx, orderId)
    if (moved) await holdPayoutsForDispute(tx, orderId)
    return moved ? 'disputed' : 'no-change'
  }
  const closed = event.data.object.status
  if (closed === 'won' || closed === 'lost') await settlePayoutsAfterDispute(tx, orderId, closed === 'won')
  // Closed in the seller's favour restores access; a lost dispute keeps downloads suspended.
  if (event.data.object.status !== 'won') return 'no-change'
  return (await markDisputeWon(tx, orderId)) ? 'dispute-won' : 'no-change'
}

import type Stripe from 'stripe'
import { prisma, type Tx } from '~/models/db.server'
import { orderIdOf } from '~/lib/payments/stripe-event.server'
import { markExpired, markFailed } from '~/models/order/transitions.server'
import { isEventRecorded, recordEvent } from '~/models/stripe-event.server'
import { applyAccountUpdated } from '~/lib/payouts/connect.server'
import { applyChargeEvent, isChargeEvent } from './charge-events.server'
import { completeSession, EVENT_TX_OPTIONS } from './completion.server'
import type { EventOutcome } from './event-outcome'
import { releaseExclusiveHolds } from '~/models/exclusive.server'

// What the store does with each Stripe event. Rules that keep it exactly-once:
// - the event id is recorded in StripeEvent in the same transaction as the change it causes, so a
//   repeated delivery is a no-op and a failed one leaves nothing behind (Stripe retries);
// - every change is a conditional UPDATE of the order model, so concurrent deliveries move an
//   order once and queue one receipt;
// - refund/dispute events that arrive before their completion wait for it (./charge-events.server.ts).

const HANDLED_EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.closed',
  'account.updated',
] as const

const handled = new Set<string>(HANDLED_EVENT_TYPES)

export async function handleStripeEvent(event: Stripe.Event): Promise<EventOutcome> {
  if (!handled.has(event.type)) return 'ignored'
  // A connected account's state, read fresh from Stripe: idempotent, no order transaction needed.
  if (event.type === 'account.updated') return applyAccountUpdated(event)
  const completes = event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded'
  // A redelivery costs one read instead of a transaction (the insert in the transaction still
  // decides). Not for completions: their redelivery also heals deferred events (completeSession).
  if (!completes && (await isEventRecorded(event.id))) return 'duplicate'
  return prisma.$transaction((tx) => applyEvent(tx, event), EVENT_TX_OPTIONS)
}

async function applyEvent(tx: Tx, event: Stripe.Event): Promise<EventOutcome> {
  if (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded')
    return completeSession(tx, event.data.object, event)
  if (!(await recordEvent(tx, event.id, event.type))) return 'duplicate'
  if (event.type === 'checkout.session.async_payment_failed') return endUnpaid(tx, event.data.object, 'failed')
  if (event.type === 'checkout.session.expired') return endUnpaid(tx, event.data.object, 'expired')
  if (isChargeEvent(event)) return applyChargeEvent(tx, event)
  return 'ignored'
}

/** Only a PENDING order can end unpaid: an expiry after the completion leaves it PAID. */
async function endUnpaid(tx: Tx, session: Stripe.Checkout.Session, outcome: 'failed' | 'expired'): Promise<EventOutcome> {
  const orderId = orderIdOf(session)
  if (!orderId) return 'unknown-order'
  const moved = outcome === 'failed' ? await markFailed(tx, orderId) : await markExpired(tx, orderId)
  // The order is no longer open either way (a paid one released its holds when it was paid).
  await releaseExclusiveHolds(tx, orderId)
  return moved ? outcome : 'no-change'
}

import type Stripe from 'stripe'
import { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'

// The webhook's hot path: a paid checkout session for a PENDING order, in ONE SQL statement.
// A single statement is its own transaction (one round trip, no interactive transaction holding a
// pooled connection across network waits), and its data-modifying CTEs commit together:
//   moved    the conditional UPDATE (status, total, currency and session must match, as in
//            fulfilSession); its RETURNING takes the PaymentIntent advisory lock and then looks
//            for refund/dispute events deferred meanwhile, with a fresh snapshot;
//   recorded the StripeEvent id, inserted only when the order moved;
//   receipt  the receipt's outbox row, unrendered (see queueReceipt), inserted only when it moved.
// Concurrent deliveries of one event or session: the second UPDATE waits on the row lock, re-checks
// the row (READ COMMITTED), finds it PAID and moves nothing, so one receipt is queued.
// The statement moves nothing, and the caller takes the transactional slow path, whenever any of
// the above does not hold or refund/dispute events already wait for this PaymentIntent (the slow
// path applies those atomically with the transition).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function idOf(ref: string | { id: string } | null | undefined): string | null {
  if (!ref) return null
  return typeof ref === 'string' ? ref : ref.id
}

export function orderIdOf(session: Stripe.Checkout.Session): string | null {
  const id = session.metadata?.order_id ?? session.client_reference_id
  return id && UUID.test(id) ? id : null
}

export function paymentIntentLockKey(paymentIntentId: string | null): string {
  return `pi:${paymentIntentId ?? ''}`
}

/**
 * The PAID transition shared by this fast path and fulfilSession's transactional one: what it sets,
 * and what the order must match to move (PENDING or EXPIRED, same total, currency and session).
 */
export function paidTransition(session: Stripe.Checkout.Session, orderId: string) {
  const paymentIntentId = idOf(session.payment_intent)
  const email = session.customer_details?.email?.toLowerCase() ?? null
  return {
    paymentIntentId,
    set: Prisma.sql`
      status = 'PAID', "paidAt" = now(), "updatedAt" = now(),
      "stripeCheckoutSessionId" = ${session.id},
      "stripePaymentIntentId" = ${paymentIntentId},
      "buyerName" = ${session.customer_details?.name ?? null},
      email = COALESCE(${email}, email)`,
    matches: Prisma.sql`
      id = ${orderId}::uuid
      AND status IN ('PENDING', 'EXPIRED')
      AND "totalCents" = ${session.amount_total ?? -1}
      AND currency = ${(session.currency ?? '').toLowerCase()}
      AND ("stripeCheckoutSessionId" IS NULL OR "stripeCheckoutSessionId" = ${session.id})`,
  }
}

export interface FastCompletion {
  /** The order moved to PAID, with the event recorded and the receipt queued. */
  moved: boolean
  /**
   * The order moved, and refund/dispute events deferred for its PaymentIntent (by a transaction that
   * held the lock while this statement waited for it) are to be applied now.
   */
  deferredAfterLock: boolean
  /** The event id was already recorded before this statement (a redelivery). */
  seen: boolean
  /** Deferred refund/dispute events wait for a PaymentIntent that a paid order already carries. */
  deferredForPaidOrder: boolean
}

/** Null when the session cannot take the fast path at all (no order of ours, or not paid). */
export async function completeInOneStatement(
  eventId: string,
  eventType: string,
  session: Stripe.Checkout.Session,
): Promise<FastCompletion | null> {
  const orderId = orderIdOf(session)
  if (!orderId || session.payment_status !== 'paid') return null
  const { paymentIntentId, set, matches } = paidTransition(session, orderId)
  const [row] = await prisma.$queryRaw<FastCompletion[]>`
    WITH moved AS (
      UPDATE "MultiItemOrder" SET ${set}
      WHERE ${matches}
        AND NOT EXISTS (SELECT 1 FROM "StripeEvent" WHERE id = ${eventId})
        AND NOT EXISTS (
          SELECT 1 FROM "StripeEvent" WHERE "paymentIntentId" = ${paymentIntentId} AND "deferredPayload" IS NOT NULL)
      -- Takes the PaymentIntent lock (held until this statement commits), then looks for deferred
      -- events with a fresh snapshot (see the migration 20261122060000_webhook_completion_lock).
      RETURNING id, email,
        stripe_lock_payment_intent(${paymentIntentLockKey(paymentIntentId)}, ${paymentIntentId}) AS "deferredAfterLock"
    ), recorded AS (
      INSERT INTO "StripeEvent" (id, type) SELECT ${eventId}, ${eventType} FROM moved
      ON CONFLICT (id) DO NOTHING
    ), receipt AS (
      INSERT INTO "OutboxEmail" ("dedupeKey", kind, "to", subject, "text", html)
      SELECT 'receipt:' || id::text, 'receipt', email, '', '', '' FROM moved WHERE email IS NOT NULL
      ON CONFLICT ("dedupeKey") DO NOTHING
    )
    SELECT
      EXISTS (SELECT 1 FROM moved) AS moved,
      COALESCE((SELECT "deferredAfterLock" FROM moved), false) AS "deferredAfterLock",
      -- The main query reads the statement's snapshot, so this is "recorded before us".
      EXISTS (SELECT 1 FROM "StripeEvent" WHERE id = ${eventId}) AS seen,
      EXISTS (
        SELECT 1 FROM "StripeEvent" e JOIN "MultiItemOrder" o ON o."stripePaymentIntentId" = e."paymentIntentId"
        WHERE e."paymentIntentId" = ${paymentIntentId} AND e."deferredPayload" IS NOT NULL
      ) AS "deferredForPaidOrder"`
  return row!
}

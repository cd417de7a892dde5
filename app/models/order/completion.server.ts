import { Prisma } from '~/generated/prisma/client'
import type { Tx } from '~/models/db.server'
import { insertReceiptsFor } from '~/models/outbox-email.server'
import { lockPaymentIntent } from '~/models/stripe-event.server'

// The paid completion: the one place a checkout session's payment moves an order to PAID, for the
// webhook, the success page and reconcile alike. Two statements in the caller's transaction:
//
//  1. the PaymentIntent lock (see lockPaymentIntent). A refund or dispute that arrived first took
//     it too, found no paid order and stored itself as deferred; holding the lock before the next
//     statement starts means that statement's snapshot sees every such deferral.
//  2. one statement whose data-modifying CTEs commit together or not at all:
//       recorded  the Stripe event id (none for the success page and reconcile); a redelivery
//                 finds it taken and moves nothing;
//       moved     the conditional UPDATE: only a PENDING (or EXPIRED) order whose total, currency
//                 and session match the paid session moves, so concurrent callers move it once
//                 (a second one waits on the row lock, re-reads the row, finds it PAID);
//       receipt   the receipt's outbox row, rendered when sent (insertReceiptsFor);
//     and says whether refund/dispute events wait for this PaymentIntent, which the caller then
//     applies in the same transaction, still under the lock.

export interface PaidSession {
  orderId: string
  sessionId: string
  paymentIntentId: string | null
  /** As Stripe reported them; the order must match. */
  amountTotal: number | null
  currency: string
  email: string | null
  buyerName: string | null
}

interface Completion {
  /** The event was recorded by this call (always true without an event). False: a redelivery. */
  recorded: boolean
  /** The order moved to PAID and its receipt was queued. */
  moved: boolean
  /** Deferred refund/dispute events wait for the PaymentIntent (caller holds its lock). */
  deferredWaiting: boolean
}

export async function completePaidCheckout(
  tx: Tx,
  paid: PaidSession,
  event: { id: string; type: string } | null,
): Promise<Completion> {
  if (paid.paymentIntentId) await lockPaymentIntent(tx, paid.paymentIntentId)
  const eventId = event?.id ?? null
  const [row] = await tx.$queryRaw<Completion[]>`
    WITH recorded AS (
      INSERT INTO "StripeEvent" (id, type)
      SELECT ${eventId}::text, ${event?.type ?? null}::text WHERE ${eventId}::text IS NOT NULL
      ON CONFLICT (id) DO NOTHING
      RETURNING id
    ), moved AS (
      UPDATE "MultiItemOrder" SET
        status = 'PAID', "paidAt" = now(), "updatedAt" = now(),
        "stripeCheckoutSessionId" = ${paid.sessionId},
        "stripePaymentIntentId" = ${paid.paymentIntentId},
        "buyerName" = ${paid.buyerName},
        email = COALESCE(${paid.email}, email)
      WHERE id = ${paid.orderId}::uuid
        AND status IN ('PENDING', 'EXPIRED')
        AND "totalCents" = ${paid.amountTotal ?? -1}
        AND currency = ${paid.currency}
        AND ("stripeCheckoutSessionId" IS NULL OR "stripeCheckoutSessionId" = ${paid.sessionId})
        AND (${eventId}::text IS NULL OR EXISTS (SELECT 1 FROM recorded))
      RETURNING id, email
    ), receipt AS (${insertReceiptsFor(Prisma.sql`SELECT id, email FROM moved`)})
    SELECT
      (${eventId}::text IS NULL OR EXISTS (SELECT 1 FROM recorded)) AS recorded,
      EXISTS (SELECT 1 FROM moved) AS moved,
      EXISTS (
        SELECT 1 FROM "StripeEvent" WHERE "paymentIntentId" = ${paid.paymentIntentId} AND "deferredPayload" IS NOT NULL
      ) AS "deferredWaiting"`
  return row!
}

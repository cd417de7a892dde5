import type Stripe from 'stripe'
import type { InputJsonValue } from '~/generated/prisma/internal/prismaNamespace'
import { prisma, type Tx } from '~/models/db.server'

// Every Stripe event the store has processed (so a repeated delivery is a no-op), and the
// refund/dispute events kept against their PaymentIntent until the completion they refer to lands.

/** A read outside any transaction, to answer a redelivery cheaply; recordEvent still decides. */
export async function isEventRecorded(eventId: string): Promise<boolean> {
  const rows = await prisma.$queryRaw<unknown[]>`SELECT 1 FROM "StripeEvent" WHERE id = ${eventId}`
  return rows.length > 0
}

/** Records the event in the caller's transaction; false when it was recorded before (a redelivery). */
export async function recordEvent(tx: Tx, eventId: string, type: string): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "StripeEvent" (id, type) VALUES (${eventId}, ${type}) ON CONFLICT (id) DO NOTHING`
  return inserted === 1
}

/**
 * Serialises everything that concerns one PaymentIntent until the transaction ends: a completion
 * takes it before it moves the order and looks for deferred events; a refund or dispute takes it
 * before it looks for the order. So one always sees what the other committed.
 */
export async function lockPaymentIntent(tx: Tx, paymentIntentId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pi:${paymentIntentId}`}, 0))`
}

/** Keeps a (recorded) refund/dispute event until its PaymentIntent's order is paid. */
export async function deferEvent(tx: Tx, event: Stripe.Event, paymentIntentId: string): Promise<void> {
  await tx.stripeEvent.update({
    where: { id: event.id },
    data: { paymentIntentId, deferredPayload: event as unknown as InputJsonValue },
    select: { id: true },
  })
}

/** Events kept for a PaymentIntent, in the order Stripe created them. Caller holds its lock. */
export async function listDeferredEvents(tx: Tx, paymentIntentId: string) {
  return tx.$queryRaw<{ id: string; payload: Stripe.Event }[]>`
    SELECT id, "deferredPayload" AS payload FROM "StripeEvent"
    WHERE "paymentIntentId" = ${paymentIntentId} AND "deferredPayload" IS NOT NULL
    ORDER BY ("deferredPayload"->>'created')::bigint, "processedAt"`
}

export async function clearDeferredEvent(tx: Tx, eventId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "StripeEvent" SET "deferredPayload" = NULL WHERE id = ${eventId}`
}

import { Prisma } from '~/generated/prisma/client'
import { prisma, type Tx } from '~/lib/db.server'

// The mail outbox: rows queued in the caller's transaction (they commit or roll back with the
// change they report) and claimed by the worker (app/lib/mail/worker.server.ts). The dedupeKey
// makes queueing idempotent: a repeated webhook queues nothing new.

interface QueuedEmail {
  dedupeKey: string
  kind: string
  to: string
  subject: string
  text: string
  html: string
}

/** Returns true when a new row was queued, false when the dedupeKey already existed. */
export async function queueEmail(tx: Tx, email: QueuedEmail): Promise<boolean> {
  const { count } = await tx.outboxEmail.createMany({ data: [email], skipDuplicates: true })
  return count === 1
}

export const RECEIPT_KEY_PREFIX = 'receipt:'

/**
 * The receipt insert, written once: one row per order that `orders` yields (columns `id`, `email`),
 * keyed `receipt:<orderId>`, with no body and `renderAtSend`, so the worker renders it from the
 * order when it sends it (its order link is then fresh, and the paying transaction does no
 * template work). The paid completion embeds it in its statement; queueReceipt runs it alone.
 */
export function insertReceiptsFor(orders: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "OutboxEmail" ("dedupeKey", kind, "to", subject, "text", html, "renderAtSend")
    SELECT ${RECEIPT_KEY_PREFIX} || o.id::text, 'receipt', o.email, '', '', '', true
    FROM (${orders}) o WHERE o.email IS NOT NULL
    ON CONFLICT ("dedupeKey") DO NOTHING`
}

export async function queueReceipt(tx: Tx, orderId: string): Promise<void> {
  await tx.$executeRaw(insertReceiptsFor(Prisma.sql`SELECT id, email FROM "MultiItemOrder" WHERE id = ${orderId}::uuid`))
}

/** Puts a rendered receipt (back) in the queue, whether or not it was sent before. */
export async function requeueEmail(tx: Tx, email: QueuedEmail): Promise<void> {
  const { dedupeKey, ...body } = email
  await tx.outboxEmail.upsert({
    where: { dedupeKey },
    create: email,
    update: { ...body, renderAtSend: false, status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), sentAt: null, lastError: null },
    select: { id: true },
  })
}

export interface ClaimedEmail {
  id: string
  to: string
  subject: string
  text: string
  html: string
  attempts: number
  kind: string
  dedupeKey: string
  renderAtSend: boolean
}

/**
 * Claims due rows with SKIP LOCKED and pushes their next attempt to `leaseUntil`, counting the
 * attempt, so two workers (or a crashed one) never send a row at the same time.
 */
export function claimDueEmails({ now, leaseUntil, batchSize }: { now: Date; leaseUntil: Date; batchSize: number }) {
  return prisma.$queryRaw<ClaimedEmail[]>`
    UPDATE "OutboxEmail" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM "OutboxEmail"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "to", subject, "text", html, attempts, kind, "dedupeKey", "renderAtSend"`
}

/** Sent; a row rendered at send time keeps the body it was sent with. */
export async function markEmailSent(id: string, rendered: { subject: string; text: string; html: string } | null, at = new Date()) {
  await prisma.outboxEmail.update({
    where: { id },
    data: { status: 'SENT', sentAt: at, lastError: null, ...(rendered ? { ...rendered, renderAtSend: false } : {}) },
    select: { id: true },
  })
}

export async function scheduleEmailRetry(id: string, nextAttemptAt: Date, error: string) {
  await prisma.outboxEmail.update({ where: { id }, data: { nextAttemptAt, lastError: error }, select: { id: true } })
}

export async function markEmailDead(id: string, error: string) {
  await prisma.outboxEmail.update({ where: { id }, data: { status: 'DEAD', lastError: error }, select: { id: true } })
}

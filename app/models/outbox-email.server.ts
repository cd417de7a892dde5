import { Prisma } from '~/generated/prisma/client'
import { prisma, type Tx } from '~/models/db.server'

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

/**
 * Puts a rendered receipt (back) in the queue, whether or not it was sent before. A resend is a new
 * message to the buyer, so it gets a new Message-ID (`resends` + 1); a retry never does.
 */
export async function requeueEmail(tx: Tx, email: QueuedEmail): Promise<void> {
  const { dedupeKey, ...body } = email
  await tx.outboxEmail.upsert({
    where: { dedupeKey },
    create: email,
    update: { ...body, ...requeued(), renderAtSend: false },
    select: { id: true },
  })
}

/** The columns that put a row back at the start of its retry schedule, as a new message. */
function requeued() {
  return {
    status: 'PENDING' as const,
    attempts: 0,
    nextAttemptAt: new Date(),
    claimToken: null,
    resends: { increment: 1 },
    sentAt: null,
    deadAt: null,
    lastError: null,
  }
}

/**
 * The operator's resend (npm run mail -- resend <id>): the row as it is, due now, with a new
 * Message-ID. A receipt is rendered again at send time, so its order link is fresh. Returns false
 * when no such row exists.
 */
export async function resendEmail(id: string): Promise<boolean> {
  const { count } = await prisma.outboxEmail.updateMany({
    where: { id },
    data: { ...requeued(), ...(await isReceiptRow(id)) },
  })
  return count === 1
}

async function isReceiptRow(id: string) {
  const row = await prisma.outboxEmail.findUnique({ where: { id }, select: { dedupeKey: true } })
  return row?.dedupeKey.startsWith(RECEIPT_KEY_PREFIX) ? { renderAtSend: true } : {}
}

export interface ClaimedEmail {
  id: string
  to: string
  subject: string
  text: string
  html: string
  attempts: number
  resends: number
  kind: string
  dedupeKey: string
  renderAtSend: boolean
  createdAt: Date
}

/**
 * Claims the next due row for `token`: a PENDING row whose time has come, or a SENDING row whose
 * holder stopped renewing its lease (a killed process; it is sent again with the same Message-ID).
 * SKIP LOCKED and the status change make two workers never hold the same row.
 */
export async function claimDueEmail({ now, leaseUntil, token }: { now: Date; leaseUntil: Date; token: string }) {
  const rows = await prisma.$queryRaw<ClaimedEmail[]>`
    UPDATE "OutboxEmail"
    SET status = 'SENDING', "claimToken" = ${token}::uuid, "attempts" = "attempts" + 1, "nextAttemptAt" = ${leaseUntil}
    WHERE id = (
      SELECT id FROM "OutboxEmail"
      WHERE status IN ('PENDING', 'SENDING') AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "to", subject, "text", html, attempts, resends, kind, "dedupeKey", "renderAtSend", "createdAt"`
  return rows[0] ?? null
}

/** The heartbeat: keeps the holder's lease. False when the row is no longer held with `token`. */
export async function renewEmailLease(id: string, token: string, leaseUntil: Date): Promise<boolean> {
  const { count } = await prisma.outboxEmail.updateMany({
    where: { id, claimToken: token, status: 'SENDING' },
    data: { nextAttemptAt: leaseUntil },
  })
  return count === 1
}

/**
 * Sent; a row rendered at send time keeps the body it was sent with. Applies only while `token`
 * still holds the row; returns false otherwise (someone else retried it after the lease ran out).
 */
export async function markEmailSent(id: string, token: string, rendered: { subject: string; text: string; html: string } | null, at: Date) {
  const { count } = await prisma.outboxEmail.updateMany({
    where: { id, claimToken: token, status: 'SENDING' },
    data: { status: 'SENT', sentAt: at, lastError: null, claimToken: null, ...(rendered ? { ...rendered, renderAtSend: false } : {}) },
  })
  return count === 1
}

export async function scheduleEmailRetry(id: string, token: string, nextAttemptAt: Date, error: string) {
  await prisma.outboxEmail.updateMany({
    where: { id, claimToken: token, status: 'SENDING' },
    data: { status: 'PENDING', claimToken: null, nextAttemptAt, lastError: error },
  })
}

export async function markEmailDead(id: string, token: string, error: string, at: Date) {
  await prisma.outboxEmail.updateMany({
    where: { id, claimToken: token, status: 'SENDING' },
    data: { status: 'DEAD', claimToken: null, deadAt: at, lastError: error },
  })
}

/** What the operator sees (/healthz): mail waiting since before `stuckBefore`, and mail given up on since `deadSince`. */
export async function countUndeliveredEmails({ stuckBefore, deadSince }: { stuckBefore: Date; deadSince: Date }) {
  const [stuck, dead, oldest] = await Promise.all([
    prisma.outboxEmail.count({ where: { status: { in: ['PENDING', 'SENDING'] }, attempts: { gt: 0 }, createdAt: { lt: stuckBefore } } }),
    prisma.outboxEmail.count({ where: { status: 'DEAD', deadAt: { gte: deadSince } } }),
    prisma.outboxEmail.findFirst({ where: { status: { in: ['PENDING', 'SENDING'] } }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
  ])
  return { stuck, dead, oldestWaitingSince: oldest?.createdAt ?? null }
}

/** The command-line view: every row not yet sent (or all recent rows), oldest first. */
export function listOutboxEmails({ all = false, take = 200 }: { all?: boolean; take?: number } = {}) {
  return prisma.outboxEmail.findMany({
    where: all ? {} : { status: { in: ['PENDING', 'SENDING', 'DEAD'] } },
    orderBy: { createdAt: all ? 'desc' : 'asc' },
    take,
    select: { id: true, kind: true, to: true, subject: true, status: true, attempts: true, resends: true, nextAttemptAt: true, lastError: true, createdAt: true, sentAt: true, deadAt: true },
  })
}

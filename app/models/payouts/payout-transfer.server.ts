import type { PayoutStatus } from '~/generated/prisma/enums'
import { prisma, type Tx } from '~/models/db.server'

// The payout ledger (PayoutTransfer): planned in the paying transaction, moved by the transfer job.
// Every state change is a conditional UPDATE; the job works a row only while it holds the row's
// lock (FOR UPDATE SKIP LOCKED), so two workers never act on one row at once, and a refund that
// arrives meanwhile waits for the row and then sees what was sent.

type Db = Tx | typeof prisma

export interface PlannedTransfer {
  orderId: string
  orderItemId: string
  payeeKey: string
  payeeProducerId: string | null
  payeeEmail: string
  role: 'owner' | 'collaborator'
  percent: number
  lineFeeCents: number
  lineShareCents: number
  amountCents: number
  currency: string
}

/** The paid order's lines with what planning needs (the beat's owner and the amounts). */
export function findOrderLinesForPayouts(db: Db, orderId: string) {
  return db.multiItemOrder.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      currency: true,
      items: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          beatId: true,
          beatTitle: true,
          tier: true,
          priceCents: true,
          listPriceCents: true,
          beat: { select: { producer: { select: { id: true, email: true } } } },
        },
      },
    },
  })
}

/** Inserts the rows not planned yet (UNIQUE(orderItemId, payeeKey)); returns how many were new. */
export async function insertPlannedTransfers(db: Db, rows: PlannedTransfer[]): Promise<number> {
  if (!rows.length) return 0
  const { count } = await db.payoutTransfer.createMany({ data: rows, skipDuplicates: true })
  return count
}

/** Invited collaborators who have since signed up with the invited address become that producer. */
export async function linkInvitedPayees(db: Db = prisma): Promise<void> {
  await db.$executeRaw`
    UPDATE "PayoutTransfer" t SET "payeeProducerId" = p.id, "updatedAt" = now()
    FROM "Producer" p WHERE t."payeeProducerId" IS NULL AND p.email = t."payeeEmail"`
  await db.$executeRaw`
    UPDATE "BeatSplit" s SET "payeeProducerId" = p.id
    FROM "Producer" p WHERE s."payeeProducerId" IS NULL AND p.email = s."payeeEmail"`
}

/** Rows with work to do: a transfer to send (or retry), or a made transfer to reverse. */
export async function listWorkableTransferIds(scope: { orderId?: string; payeeProducerId?: string }, db: Db = prisma): Promise<string[]> {
  const rows = await db.payoutTransfer.findMany({
    where: {
      ...(scope.orderId ? { orderId: scope.orderId } : {}),
      ...(scope.payeeProducerId ? { payeeProducerId: scope.payeeProducerId } : {}),
      OR: [
        { status: { in: ['PENDING', 'FAILED'] }, reverseRequestedAt: null },
        { status: 'PAID', reverseRequestedAt: { not: null }, stripeTransferId: { not: null } },
      ],
    },
    orderBy: { createdAt: 'asc' },
    take: 500,
    select: { id: true },
  })
  return rows.map((r) => r.id)
}

export interface LockedTransfer {
  id: string
  orderId: string
  orderItemId: string
  payeeKey: string
  amountCents: number
  currency: string
  status: PayoutStatus
  stripeTransferId: string | null
  reversedCents: number
  reverseRequestedAt: Date | null
  attempts: number
  refusals: number
  paymentIntentId: string | null
  stripeAccountId: string | null
  payoutsEnabled: boolean
  standIn: boolean
}

/** Locks one row for work; null when another worker holds it (it is doing the work). */
export async function lockTransferForWork(tx: Tx, id: string): Promise<LockedTransfer | null> {
  const rows = await tx.$queryRaw<LockedTransfer[]>`
    SELECT t.id, t."orderId", t."orderItemId", t."payeeKey", t."amountCents", t.currency, t.status,
           t."stripeTransferId", t."reversedCents", t."reverseRequestedAt", t.attempts, t.refusals,
           o."stripePaymentIntentId" AS "paymentIntentId",
           p."stripeAccountId", COALESCE(p."stripePayoutsEnabled", false) AS "payoutsEnabled",
           COALESCE(p."stripeStandIn", false) AS "standIn"
    FROM "PayoutTransfer" t
    JOIN "MultiItemOrder" o ON o.id = t."orderId"
    LEFT JOIN "Producer" p ON p.id = t."payeeProducerId"
    WHERE t.id = ${id}::uuid
    FOR UPDATE OF t SKIP LOCKED`
  return rows[0] ?? null
}

export async function markTransferred(tx: Tx, id: string, stripeTransferId: string | null): Promise<void> {
  await tx.payoutTransfer.updateMany({
    where: { id, status: { in: ['PENDING', 'FAILED'] } },
    data: { status: 'PAID', stripeTransferId, transferredAt: new Date(), lastError: null, attempts: { increment: 1 } },
  })
}

/** `refused`: Stripe definitely made no transfer, so the next attempt may use a new key. */
export async function markTransferFailed(tx: Tx, id: string, error: string, refused: boolean): Promise<void> {
  await tx.payoutTransfer.updateMany({
    where: { id, status: { in: ['PENDING', 'FAILED'] } },
    data: { status: 'FAILED', lastError: error.slice(0, 500), attempts: { increment: 1 }, ...(refused ? { refusals: { increment: 1 } } : {}) },
  })
}

/** A reversal made (or a refunded line whose transfer was never sent). */
export async function markReversed(tx: Tx, id: string, reversal: { id: string; amountCents: number } | null): Promise<void> {
  await tx.payoutTransfer.update({
    where: { id },
    data: {
      status: 'REVERSED',
      lastError: null,
      ...(reversal ? { reversedCents: { increment: reversal.amountCents }, stripeReversalIds: { push: reversal.id } } : {}),
    },
    select: { id: true },
  })
}

export async function markReversalFailed(tx: Tx, id: string, error: string): Promise<void> {
  await tx.payoutTransfer.update({ where: { id }, data: { lastError: error.slice(0, 500), attempts: { increment: 1 } }, select: { id: true } })
}

export interface AffectedTransfer {
  orderItemId: string
  payeeKey: string
  payeeEmail: string
  amountCents: number
  status: PayoutStatus
}

/**
 * The order's refunded lines: a transfer not sent yet is cancelled (REVERSED, nothing moved); a
 * made one is marked for reversal. Waits for a row a worker holds. Returns the rows it changed.
 */
export function requestReversalOfRefundedLines(tx: Tx, orderId: string): Promise<AffectedTransfer[]> {
  return tx.$queryRaw<AffectedTransfer[]>`
    UPDATE "PayoutTransfer" t SET
      "reverseRequestedAt" = now(), "updatedAt" = now(),
      status = CASE WHEN t.status = 'PAID' THEN t.status ELSE 'REVERSED'::"PayoutStatus" END
    FROM "OrderItem" i
    WHERE i.id = t."orderItemId" AND i."orderId" = ${orderId}::uuid AND i.status = 'REFUNDED'
      AND t."reverseRequestedAt" IS NULL
    RETURNING t."orderItemId", t."payeeKey", t."payeeEmail", t."amountCents", t.status`
}

/** A lost dispute: every line of the order, as a refund would. */
export function requestReversalOfOrder(tx: Tx, orderId: string): Promise<AffectedTransfer[]> {
  return tx.$queryRaw<AffectedTransfer[]>`
    UPDATE "PayoutTransfer" t SET
      "reverseRequestedAt" = now(), "updatedAt" = now(),
      status = CASE WHEN t.status = 'PAID' THEN t.status ELSE 'REVERSED'::"PayoutStatus" END
    WHERE t."orderId" = ${orderId}::uuid AND t."reverseRequestedAt" IS NULL
    RETURNING t."orderItemId", t."payeeKey", t."payeeEmail", t."amountCents", t.status`
}

/** A dispute opened: transfers not sent yet wait for its outcome. */
export function holdOrderTransfers(tx: Tx, orderId: string): Promise<AffectedTransfer[]> {
  return tx.$queryRaw<AffectedTransfer[]>`
    UPDATE "PayoutTransfer" t SET status = 'HELD', "updatedAt" = now()
    WHERE t."orderId" = ${orderId}::uuid AND t.status IN ('PENDING', 'FAILED') AND t."reverseRequestedAt" IS NULL
    RETURNING t."orderItemId", t."payeeKey", t."payeeEmail", t."amountCents", t.status`
}

/** A dispute won: held transfers go out after all. */
export function releaseOrderTransfers(tx: Tx, orderId: string): Promise<AffectedTransfer[]> {
  return tx.$queryRaw<AffectedTransfer[]>`
    UPDATE "PayoutTransfer" t SET status = 'PENDING', "updatedAt" = now()
    WHERE t."orderId" = ${orderId}::uuid AND t.status = 'HELD'
    RETURNING t."orderItemId", t."payeeKey", t."payeeEmail", t."amountCents", t.status`
}

/** Every payee of an order with their rows (for notices after a dispute). */
export function listOrderPayees(db: Db, orderId: string) {
  return db.payoutTransfer.findMany({
    where: { orderId },
    select: { orderItemId: true, payeeKey: true, payeeEmail: true, amountCents: true, status: true },
  })
}

/** Ledger rows a producer may see: every row of the lines they sold, and their own rows on others' beats. */
export function listLedgerRows(viewer: { id: string; email: string }, since: Date) {
  return prisma.payoutTransfer.findMany({
    where: {
      createdAt: { gte: since },
      OR: [{ orderItem: { producerId: viewer.id } }, { payeeProducerId: viewer.id }, { payeeEmail: viewer.email }],
    },
    orderBy: [{ createdAt: 'desc' }, { orderItemId: 'asc' }, { role: 'desc' }, { payeeEmail: 'asc' }],
    take: 2000,
    select: {
      id: true,
      orderItemId: true,
      payeeKey: true,
      payeeProducerId: true,
      payeeEmail: true,
      role: true,
      percent: true,
      lineFeeCents: true,
      lineShareCents: true,
      amountCents: true,
      currency: true,
      status: true,
      stripeTransferId: true,
      stripeReversalIds: true,
      reversedCents: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      payee: { select: { displayName: true } },
      orderItem: {
        select: {
          producerId: true,
          beatTitle: true,
          producerName: true,
          tier: true,
          priceCents: true,
          listPriceCents: true,
          order: { select: { number: true } },
        },
      },
    },
  })
}

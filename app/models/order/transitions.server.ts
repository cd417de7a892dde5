import type { Db } from './order.server'

// The order's state changes, one conditional UPDATE each: an order moves only from the states
// listed, so a repeated or concurrent caller finds nothing to update and learns so from the result
// (true = this call moved it). PENDING → PAID is the completion (./completion.server.ts).
//
//   PENDING → EXPIRED | FAILED       the checkout ended unpaid
//   PAID | DISPUTED → REFUNDED       the whole order refunded (every line with it)
//   line ACTIVE → REFUNDED           some lines refunded, the order stays PAID
//   PAID → DISPUTED → PAID           a dispute opened; won (a lost one stays DISPUTED)

async function moved(count: Promise<{ count: number }>): Promise<boolean> {
  return (await count).count === 1
}

/** A checkout that expired before it was paid; a PAID order stays PAID. */
export function markExpired(db: Db, orderId: string): Promise<boolean> {
  return moved(db.multiItemOrder.updateMany({ where: { id: orderId, status: 'PENDING' }, data: { status: 'EXPIRED' } }))
}

/**
 * Every PENDING order whose checkout can no longer be paid: its checkout expired before
 * `expiredBefore`, or it never got one and was created before `createdBefore`. One conditional
 * UPDATE, so a payment completing at the same moment wins or waits (the completion also accepts
 * EXPIRED). Returns how many moved.
 */
export async function expireStalePendingOrders(db: Db, cutoff: { expiredBefore: Date; createdBefore: Date }): Promise<number> {
  const { count } = await db.multiItemOrder.updateMany({
    where: {
      status: 'PENDING',
      OR: [{ checkoutExpiresAt: { lt: cutoff.expiredBefore } }, { checkoutExpiresAt: null, createdAt: { lt: cutoff.createdBefore } }],
    },
    data: { status: 'EXPIRED' },
  })
  return count
}

/** A delayed payment method that failed. */
export function markFailed(db: Db, orderId: string): Promise<boolean> {
  return moved(db.multiItemOrder.updateMany({ where: { id: orderId, status: 'PENDING' }, data: { status: 'FAILED' } }))
}

export function markDisputed(db: Db, orderId: string, at = new Date()): Promise<boolean> {
  return moved(db.multiItemOrder.updateMany({ where: { id: orderId, status: 'PAID' }, data: { status: 'DISPUTED', disputedAt: at } }))
}

/** A dispute closed in the seller's favour restores access. */
export function markDisputeWon(db: Db, orderId: string): Promise<boolean> {
  return moved(db.multiItemOrder.updateMany({ where: { id: orderId, status: 'DISPUTED' }, data: { status: 'PAID' } }))
}

/** The whole order refunded: the order and every line still active, in one statement. */
export async function markRefunded(db: Db, orderId: string, at = new Date()): Promise<boolean> {
  const [row] = await db.$queryRaw<{ moved: boolean }[]>`
    WITH refunded AS (
      UPDATE "MultiItemOrder" SET status = 'REFUNDED', "refundedAt" = ${at}, "updatedAt" = now()
      WHERE id = ${orderId}::uuid AND status IN ('PAID', 'DISPUTED')
      RETURNING id
    ), lines AS (
      UPDATE "OrderItem" SET status = 'REFUNDED', "refundedAt" = ${at}
      WHERE "orderId" IN (SELECT id FROM refunded) AND status = 'ACTIVE'
    )
    SELECT EXISTS (SELECT 1 FROM refunded) AS moved`
  return row!.moved
}

/** Some lines refunded (their licenses revoked); returns how many moved. */
export async function markLinesRefunded(db: Db, orderId: string, itemIds: string[], at = new Date()): Promise<number> {
  const { count } = await db.orderItem.updateMany({
    where: { orderId, id: { in: itemIds }, status: 'ACTIVE' },
    data: { status: 'REFUNDED', refundedAt: at },
  })
  return count
}

/** Stripe reported something the order cannot accept (e.g. an amount mismatch): held for a person. */
export async function flagOrder(db: Db, orderId: string, reason: string): Promise<void> {
  await db.multiItemOrder.updateMany({ where: { id: orderId }, data: { flaggedReason: reason } })
}


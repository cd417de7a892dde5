import { prisma, type Tx } from '~/models/db.server'
import { clearCatalogCaches } from '~/models/beat/catalog.server'

// Exclusive rights: the hold one open checkout has on a beat's Exclusive, and the sale that takes
// the beat off sale. Why a hold table (and not an index on order lines): docs/decisions/0010.

type Db = Tx | typeof prisma

export type HoldResult = { held: true } | { held: false; until: Date }

/**
 * Takes the beat's Exclusive for `orderId` until `expiresAt`, unless another checkout holds it and
 * its hold has not run out. One statement: concurrent callers wait on the row (or the unique key)
 * and re-check `expiresAt` on the row as the winner left it, so exactly one holds it.
 */
export async function takeExclusiveHold(tx: Tx, beatId: string, orderId: string, expiresAt: Date): Promise<HoldResult> {
  const rows = await tx.$queryRaw<{ orderId: string }[]>`
    INSERT INTO "ExclusiveHold" ("beatId", "orderId", "expiresAt") VALUES (${beatId}::uuid, ${orderId}::uuid, ${expiresAt})
    ON CONFLICT ("beatId") DO UPDATE SET "orderId" = EXCLUDED."orderId", "expiresAt" = EXCLUDED."expiresAt", "createdAt" = now()
    WHERE "ExclusiveHold"."expiresAt" <= clock_timestamp()
    RETURNING "orderId"`
  if (rows.length) return { held: true }
  const current = await tx.exclusiveHold.findUnique({ where: { beatId }, select: { expiresAt: true } })
  return { held: false, until: current?.expiresAt ?? new Date() }
}

/** Frees the holds of an order whose checkout ended unpaid (or paid: the sale replaces them). */
export async function releaseExclusiveHolds(db: Db, orderId: string): Promise<number> {
  const { count } = await db.exclusiveHold.deleteMany({ where: { orderId } })
  return count
}

/** Housekeeping: holds that ran out are free anyway; the rows go. */
export async function deleteRunOutHolds(db: Db, now: Date): Promise<number> {
  const { count } = await db.exclusiveHold.deleteMany({ where: { expiresAt: { lte: now } } })
  return count
}

/** When the live hold on a beat's Exclusive runs out, or null when nobody holds it. */
export async function findLiveHold(beatId: string, now = new Date(), db: Db = prisma): Promise<Date | null> {
  const hold = await db.exclusiveHold.findFirst({ where: { beatId, expiresAt: { gt: now } }, select: { expiresAt: true } })
  return hold?.expiresAt ?? null
}

/**
 * The paid order's lines with their beats, the beats locked (FOR UPDATE) in id order: a sale of one
 * of them and another order's completion touching it run one after the other, never interleaved.
 */
export async function lockPaidLines(tx: Tx, orderId: string) {
  return tx.$queryRaw<
    { id: string; beatId: string; tier: string; priceCents: number; beatTitle: string; producerId: string; exclusiveItemId: string | null }[]
  >`
    WITH locked AS (
      SELECT b.id, b."exclusiveItemId" FROM "Beat" b
      WHERE b.id IN (SELECT "beatId" FROM "OrderItem" WHERE "orderId" = ${orderId}::uuid AND status = 'ACTIVE')
      ORDER BY b.id FOR UPDATE
    )
    SELECT i.id, i."beatId", i.tier::text AS tier, i."priceCents", i."beatTitle", i."producerId", l."exclusiveItemId"
    FROM "OrderItem" i JOIN locked l ON l.id = i."beatId"
    WHERE i."orderId" = ${orderId}::uuid AND i.status = 'ACTIVE'
    ORDER BY i.position`
}

/** Records the sale: the beat off sale for every tier, its Exclusive switched off, the hold gone. */
export async function markBeatSoldExclusively(tx: Tx, beatId: string, itemId: string): Promise<boolean> {
  const { count } = await tx.beat.updateMany({
    where: { id: beatId, exclusiveItemId: null },
    data: { exclusiveItemId: itemId, exclusiveSoldAt: new Date() },
  })
  if (count !== 1) return false
  await tx.beatTier.updateMany({ where: { beatId, tier: 'EXCLUSIVE' }, data: { enabled: false } })
  await tx.exclusiveHold.deleteMany({ where: { beatId } })
  clearCatalogCaches()
  return true
}

/** Open checkouts (other than the buyer's) with a line for the beat: they are expired by the sale. */
export function findOpenCheckoutsWithBeat(tx: Tx, beatId: string, exceptOrderId: string) {
  return tx.multiItemOrder.findMany({
    where: { status: 'PENDING', id: { not: exceptOrderId }, items: { some: { beatId } } },
    select: { id: true, stripeCheckoutSessionId: true },
  })
}

/** Addresses that hold a license for the beat bought before the sale (still valid: they keep it). */
export async function findLeaseHolderEmails(tx: Tx, beatId: string, exceptOrderId: string): Promise<string[]> {
  const orders = await tx.multiItemOrder.findMany({
    where: {
      id: { not: exceptOrderId },
      status: { in: ['PAID', 'DISPUTED'] },
      email: { not: null },
      items: { some: { beatId, status: 'ACTIVE', tier: { not: 'EXCLUSIVE' } } },
    },
    select: { email: true },
  })
  return [...new Set(orders.map((o) => o.email!.toLowerCase()))]
}

export function findProducerContact(tx: Tx, producerId: string) {
  return tx.producer.findUnique({ where: { id: producerId }, select: { email: true, displayName: true } })
}

/** The producer puts a beat sold exclusively back on sale (its Exclusive stays off until they switch it on). */
export async function clearExclusiveSale(db: Db, beatId: string): Promise<void> {
  await db.beat.update({ where: { id: beatId }, data: { exclusiveItemId: null, exclusiveSoldAt: null }, select: { id: true } })
  clearCatalogCaches()
}

/** The line that bought a beat's Exclusive, with its order's state (for relisting). */
export function findExclusiveSale(beatId: string, db: Db = prisma) {
  return db.beat.findUnique({
    where: { id: beatId },
    select: {
      exclusiveSoldAt: true,
      exclusiveItemId: true,
    },
  })
}

export function findOrderItemStanding(itemId: string, db: Db = prisma) {
  return db.orderItem.findUnique({ where: { id: itemId }, select: { status: true, order: { select: { status: true, number: true } } } })
}

import type { Prisma } from '~/generated/prisma/client'
import { prisma, type Tx } from '~/models/db.server'

// Upgrades: the line a buyer upgrades from, and the line that superseded one. A line is superseded
// while an upgrade of it is a live license (its order paid or disputed, the line not refunded), so
// refunding the upgrade restores the old line by itself.

type Db = Tx | typeof prisma

const LIVE_UPGRADE: Prisma.OrderItemWhereInput = { status: 'ACTIVE', order: { status: { in: ['PAID', 'DISPUTED'] } } }

/** What an upgrade checks and credits: the held line, its order's state and any live upgrade of it. */
export function findUpgradeSource(itemId: string, db: Db = prisma) {
  return db.orderItem.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      beatId: true,
      tier: true,
      priceCents: true,
      status: true,
      order: { select: { status: true } },
      upgrades: { where: LIVE_UPGRADE, select: { id: true } },
    },
  })
}

/** The live line that supersedes `itemId` (with its tier and order number), or null. */
export function findSupersedingLine(itemId: string, db: Db = prisma) {
  return db.orderItem.findFirst({
    where: { supersedesItemId: itemId, ...LIVE_UPGRADE },
    select: { id: true, tier: true, order: { select: { number: true } } },
  })
}

/**
 * The paid order's upgrade lines, with the lines they upgrade locked (FOR UPDATE, in id order):
 * two payments upgrading one license settle one after the other, the second seeing the first.
 */
export async function lockUpgradedLines(tx: Tx, orderId: string) {
  const lines = await tx.orderItem.findMany({
    where: { orderId, status: 'ACTIVE', supersedesItemId: { not: null } },
    select: { id: true, priceCents: true, beatTitle: true, supersedesItemId: true },
  })
  const sources = [...new Set(lines.map((l) => l.supersedesItemId!))].sort()
  if (sources.length) await tx.$queryRaw`SELECT id FROM "OrderItem" WHERE id = ANY(${sources}::uuid[]) ORDER BY id FOR UPDATE`
  return lines.map((l) => ({ ...l, supersedesItemId: l.supersedesItemId! }))
}

/** Whether another live upgrade (its order paid or disputed, the line not refunded) supersedes `itemId`. */
export async function hasOtherLiveUpgrade(tx: Tx, itemId: string, exceptItemId: string): Promise<boolean> {
  return (await tx.orderItem.count({ where: { supersedesItemId: itemId, id: { not: exceptItemId }, ...LIVE_UPGRADE } })) > 0
}

export function countActiveLines(tx: Tx, orderId: string) {
  return tx.orderItem.count({ where: { orderId, status: 'ACTIVE' } })
}

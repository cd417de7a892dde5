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

import type { OrderStatus } from '~/generated/prisma/enums'
import { prisma, type Tx } from '~/models/db.server'
import { orderLineLicenseSelect } from '~/models/order/order.server'

// Reads of paid orders and their lines for what a buyer gets: the order page, the success page,
// the "download everything" zip and the license (page and PDF). Writes live with the order itself.

type Db = Tx | typeof prisma

/** Order statuses under which a line is (or was) a license: money moved at some point. */
export const LICENSED_STATUSES = ['PAID', 'REFUNDED', 'DISPUTED'] as const

const orderWithLinesSelect = {
  id: true,
  number: true,
  status: true,
  email: true,
  createdAt: true,
  totalCents: true,
  currency: true,
  items: {
    orderBy: { position: 'asc' },
    select: {
      ...orderLineLicenseSelect,
      priceCents: true,
      listPriceCents: true,
      adjustments: true,
      downloadsResetAt: true,
      beatId: true,
      beat: { select: { slug: true, files: { select: { kind: true } } } },
      // A live upgrade of the line supersedes it (see ./upgrades.server.ts).
      upgrades: {
        where: { status: 'ACTIVE', order: { status: { in: ['PAID', 'DISPUTED'] as OrderStatus[] } } },
        select: { tier: true, order: { select: { number: true } } },
      },
    },
  },
} as const

/**
 * Licensed orders with their lines and which files each beat has, newest first: all orders of an
 * email (compared case-insensitively) or one order by id.
 */
export function listLicensedOrders(where: { email: string } | { id: string }, db: Db = prisma) {
  return db.multiItemOrder.findMany({
    where: {
      ...('id' in where ? { id: where.id } : { email: { equals: where.email, mode: 'insensitive' as const } }),
      status: { in: [...LICENSED_STATUSES] },
    },
    orderBy: [{ createdAt: 'desc' }, { number: 'desc' }],
    select: orderWithLinesSelect,
  })
}

export type LicensedOrder = Awaited<ReturnType<typeof listLicensedOrders>>[number]

/** An order's number, buyer email, status and line ids (in order), any status; null if unknown. */
export function findOrderLineIds(orderId: string, db: Db = prisma) {
  return db.multiItemOrder.findUnique({
    where: { id: orderId },
    select: { number: true, email: true, status: true, items: { orderBy: { position: 'asc' }, select: { id: true } } },
  })
}

/** One line's frozen license, download reset time and its beat's stored files (the zip). */
export function getLineWithFiles(orderItemId: string, db: Db = prisma) {
  return db.orderItem.findUniqueOrThrow({
    where: { id: orderItemId },
    select: {
      ...orderLineLicenseSelect,
      downloadsResetAt: true,
      beat: { select: { files: { select: { kind: true, storageKey: true, contentType: true } } } },
    },
  })
}

/** A line with what its license shows: the beat's slug and the order's number, buyer and dates. */
export function findLicenseLine(orderItemId: string, db: Db = prisma) {
  return db.orderItem.findUnique({
    where: { id: orderItemId },
    select: {
      ...orderLineLicenseSelect,
      priceCents: true,
      contractText: true,
      contractSha256: true,
      contractValues: true,
      beat: { select: { slug: true } },
      order: { select: { number: true, status: true, email: true, buyerName: true, paidAt: true, createdAt: true, currency: true } },
    },
  })
}

import { prisma } from '~/models/db.server'
import { SOLD_STATUSES } from './studio-beat.server'

// A producer's sales: only order lines whose producerId is theirs, on orders that were paid at
// some point (PAID, REFUNDED, DISPUTED). Buyer details come from the order, nothing else of it.

export interface SalesFilter {
  since?: Date
  take?: number
}

export async function listSalesLines(producerId: string, { since, take }: SalesFilter = {}) {
  const lines = await prisma.orderItem.findMany({
    where: { producerId, order: { status: { in: [...SOLD_STATUSES] }, ...(since ? { paidAt: { gte: since } } : {}) } },
    orderBy: [{ order: { paidAt: 'desc' } }, { position: 'asc' }],
    take,
    select: {
      id: true,
      beatId: true,
      beatTitle: true,
      tier: true,
      priceCents: true,
      listPriceCents: true,
      adjustments: true,
      status: true,
      refundedAt: true,
      downloadsResetAt: true,
      order: { select: { id: true, number: true, status: true, email: true, buyerName: true, paidAt: true, currency: true } },
    },
  })
  const counts = await downloadCounts(lines.map((l) => l.id))
  return lines.map((l) => ({ ...l, downloads: counts.get(l.id) ?? { total: 0, counted: 0, lastAt: null } }))
}

/** Allowed downloads per line: all time, and since the producer's last reset (what the limit counts). */
async function downloadCounts(lineIds: string[]) {
  const result = new Map<string, { total: number; counted: number; lastAt: Date | null }>()
  if (!lineIds.length) return result
  const rows = await prisma.$queryRaw<{ id: string; total: bigint; counted: bigint; last_at: Date | null }[]>`
    SELECT oi.id,
           count(d.id) AS total,
           count(d.id) FILTER (WHERE oi."downloadsResetAt" IS NULL OR d."createdAt" > oi."downloadsResetAt") AS counted,
           max(d."createdAt") AS last_at
    FROM "OrderItem" oi
    JOIN "DownloadLog" d ON d."orderItemId" = oi.id AND d.allowed
    WHERE oi.id = ANY(${lineIds}::uuid[])
    GROUP BY oi.id`
  for (const r of rows) result.set(r.id, { total: Number(r.total), counted: Number(r.counted), lastAt: r.last_at })
  return result
}

/** Net revenue per UTC day: lines still ACTIVE on orders that are PAID now. */
export async function revenueByDay(producerId: string, since: Date) {
  const rows = await prisma.$queryRaw<{ day: Date; cents: bigint; lines: bigint }[]>`
    SELECT date_trunc('day', o."paidAt" AT TIME ZONE 'UTC') AS day, sum(oi."priceCents") AS cents, count(*) AS lines
    FROM "OrderItem" oi JOIN "MultiItemOrder" o ON o.id = oi."orderId"
    WHERE oi."producerId" = ${producerId}::uuid AND o.status = 'PAID' AND oi.status = 'ACTIVE' AND o."paidAt" >= ${since}
    GROUP BY 1 ORDER BY 1`
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), cents: Number(r.cents), lines: Number(r.lines) }))
}

export async function topBeats(producerId: string, since: Date, limit = 5) {
  const rows = await prisma.orderItem.groupBy({
    by: ['beatId'],
    where: { producerId, status: 'ACTIVE', order: { status: 'PAID', paidAt: { gte: since } } },
    _sum: { priceCents: true },
    _count: { _all: true },
    orderBy: { _sum: { priceCents: 'desc' } },
    take: limit,
  })
  const beats = await prisma.beat.findMany({
    where: { producerId, id: { in: rows.map((r) => r.beatId) } },
    select: { id: true, title: true },
  })
  const titles = new Map(beats.map((b) => [b.id, b.title]))
  return rows.map((r) => ({
    beatId: r.beatId,
    title: titles.get(r.beatId) ?? 'Deleted beat',
    sales: r._count._all,
    revenueCents: r._sum.priceCents ?? 0,
  }))
}

/** The line if it is the producer's and on a sold order; null otherwise (a foreign id = not found). */
export async function findOwnSalesLine(producerId: string, lineId: string) {
  return prisma.orderItem.findFirst({
    where: { id: lineId, producerId, order: { status: { in: [...SOLD_STATUSES] } } },
    select: { id: true, orderId: true, order: { select: { status: true, email: true } } },
  })
}

/** Downloads logged before now stop counting against the line's limit (see download.server.ts). */
export async function resetLineDownloads(lineId: string, now = new Date()) {
  await prisma.orderItem.update({ where: { id: lineId }, data: { downloadsResetAt: now }, select: { id: true } })
}

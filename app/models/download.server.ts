import { Prisma } from '~/generated/prisma/client'
import type { FileKind, LicenseTier, OrderItemStatus, OrderStatus } from '~/generated/prisma/enums'
import { prisma, type Tx } from '~/lib/db.server'

// Download log rows: every allowed download and every refusal on a line the requester may see.
// The counting rule lives here only: allowed downloads logged after the line's downloadsResetAt
// count against the limit, per file kind per line (the studio shows and resets these counts).

export interface DownloadLogEntry {
  orderItemId: string
  fileKind: FileKind
  allowed: boolean
  reason?: string | null
  ip: string
  userAgent: string
}

export async function logDownload(db: Tx | typeof prisma, entry: DownloadLogEntry) {
  await db.downloadLog.create({
    data: { ...entry, reason: entry.reason ?? null, userAgent: entry.userAgent.slice(0, 500), ip: entry.ip.slice(0, 100) },
    select: { id: true },
  })
}

/** Allowed downloads that count against the limit, for one line and kind. */
export async function countCountedDownloads(
  db: Tx | typeof prisma,
  line: { id: string; downloadsResetAt: Date | null },
  kind: FileKind,
): Promise<number> {
  return db.downloadLog.count({
    where: {
      orderItemId: line.id,
      fileKind: kind,
      allowed: true,
      ...(line.downloadsResetAt ? { createdAt: { gt: line.downloadsResetAt } } : {}),
    },
  })
}

/** Counted downloads for many lines at once: `used.get(lineId)?.get(kind) ?? 0`. */
export async function countCountedDownloadsByLine(
  lines: { id: string; downloadsResetAt: Date | null }[],
): Promise<Map<string, Map<FileKind, number>>> {
  const result = new Map<string, Map<FileKind, number>>()
  if (!lines.length) return result
  const rows = await prisma.downloadLog.findMany({
    where: {
      allowed: true,
      OR: lines.map((l) => ({
        orderItemId: l.id,
        ...(l.downloadsResetAt ? { createdAt: { gt: l.downloadsResetAt } } : {}),
      })),
    },
    select: { orderItemId: true, fileKind: true },
  })
  for (const row of rows) {
    const perKind = result.get(row.orderItemId) ?? new Map<FileKind, number>()
    perKind.set(row.fileKind, (perKind.get(row.fileKind) ?? 0) + 1)
    result.set(row.orderItemId, perKind)
  }
  return result
}

const lineColumns = Prisma.sql`
  oi.id, oi.tier, oi.status, oi."beatTitle", oi."producerName", oi."termsSnapshot", oi."downloadsResetAt",
  b.slug AS "beatSlug", o.email AS "orderEmail", o.status AS "orderStatus",
  f."storageKey", f."contentType"
  FROM "OrderItem" oi
  JOIN "MultiItemOrder" o ON o.id = oi."orderId"
  JOIN "Beat" b ON b.id = oi."beatId"`

export interface LineForDownload {
  id: string
  tier: LicenseTier
  status: OrderItemStatus
  beatTitle: string
  producerName: string
  termsSnapshot: unknown
  downloadsResetAt: Date | null
  beatSlug: string
  orderEmail: string | null
  orderStatus: OrderStatus
  /** The stored file of the requested kind, or null when the producer has not uploaded it. */
  storageKey: string | null
  contentType: string | null
}

/**
 * What the download gate needs about one line and one file kind, in one query. `lock` takes the
 * line's row lock (inside a transaction), so concurrent downloads of a line queue up and two tabs
 * cannot both take the last download; count after this returns, so the count sees their rows.
 */
export async function getLineForDownload(
  db: Tx | typeof prisma,
  orderItemId: string,
  kind: FileKind,
  { lock = false } = {},
): Promise<LineForDownload | null> {
  const rows = await db.$queryRaw<LineForDownload[]>`
    SELECT ${lineColumns}
    LEFT JOIN "BeatFile" f ON f."beatId" = oi."beatId" AND f.kind = ${kind}::"FileKind"
    WHERE oi.id = ${orderItemId}::uuid
    ${lock ? Prisma.sql`FOR UPDATE OF oi` : Prisma.empty}`
  return rows[0] ?? null
}

/** Serializes concurrent downloads of one line (the zip takes every line of an order). */
export async function lockOrderItem(tx: Tx, orderItemId: string) {
  await tx.$queryRaw`SELECT 1 FROM "OrderItem" WHERE id = ${orderItemId}::uuid FOR UPDATE`
}

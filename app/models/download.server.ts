import type { FileKind } from '~/generated/prisma/enums'
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

/** Serializes concurrent downloads of one line so two requests cannot both take the last one. */
export async function lockOrderItem(tx: Tx, orderItemId: string) {
  await tx.$queryRaw`SELECT 1 FROM "OrderItem" WHERE id = ${orderItemId}::uuid FOR UPDATE`
}

const lineSelect = {
  id: true,
  tier: true,
  status: true,
  beatTitle: true,
  producerName: true,
  termsSnapshot: true,
  downloadsResetAt: true,
  beat: { select: { slug: true, files: { select: { kind: true, storageKey: true, contentType: true } } } },
  order: { select: { id: true, email: true, status: true, number: true } },
} as const

/** What the download gate needs about one order line (null when the id is unknown). */
export async function getLineForDownload(db: Tx | typeof prisma, orderItemId: string) {
  return db.orderItem.findUnique({ where: { id: orderItemId }, select: lineSelect })
}

export type LineForDownload = NonNullable<Awaited<ReturnType<typeof getLineForDownload>>>

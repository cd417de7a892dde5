import { Prisma } from '~/generated/prisma/client'
import type { FileKind, LicenseTier, OrderItemStatus, OrderStatus } from '~/generated/prisma/enums'
import { prisma, type Tx } from '~/models/db.server'

// Download log rows: every allowed download and every refusal on a line the requester may see.
// The counting rule lives here only (`counted()` below): allowed downloads logged after the line's
// downloadsResetAt count against the limit, per file kind per line. The studio shows and resets
// these counts.

type Db = Tx | typeof prisma

/** SQL: the counted downloads of (line, kind); arguments are SQL expressions. */
function counted(orderItemId: Prisma.Sql, kind: Prisma.Sql, resetAt: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM "DownloadLog" d
    WHERE d."orderItemId" = ${orderItemId} AND d."fileKind" = ${kind} AND d.allowed
      AND (${resetAt} IS NULL OR d."createdAt" > ${resetAt}))`
}

export interface DownloadLogEntry {
  orderItemId: string
  fileKind: FileKind
  allowed: boolean
  reason?: string | null
  ip: string
  userAgent: string
}

const clip = (entry: DownloadLogEntry) => ({
  ...entry,
  reason: entry.reason ?? null,
  userAgent: entry.userAgent.slice(0, 500),
  ip: entry.ip.slice(0, 100),
})

export async function logDownload(db: Db, entry: DownloadLogEntry) {
  await db.downloadLog.create({ data: clip(entry), select: { id: true } })
}

/**
 * Logs an allowed download only if the line is still under `limit` at this instant (the check and
 * the insert are one statement). Returns false, writing nothing, when the limit was reached.
 */
export async function logAllowedDownloadWithinLimit(
  db: Db,
  entry: Omit<DownloadLogEntry, 'allowed' | 'reason'>,
  limit: number,
): Promise<boolean> {
  const e = clip({ ...entry, allowed: true })
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "DownloadLog" ("orderItemId", "fileKind", allowed, ip, "userAgent")
    SELECT oi.id, ${e.fileKind}::"FileKind", true, ${e.ip}, ${e.userAgent}
    FROM "OrderItem" oi
    WHERE oi.id = ${e.orderItemId}::uuid
      AND ${counted(Prisma.raw('oi.id'), Prisma.sql`${e.fileKind}::"FileKind"`, Prisma.raw('oi."downloadsResetAt"'))} < ${limit}
    RETURNING id`
  return rows.length === 1
}

/** Allowed downloads that count against the limit, for one line and kind. */
export async function countCountedDownloads(
  db: Db,
  line: { id: string; downloadsResetAt: Date | null },
  kind: FileKind,
): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT ${counted(Prisma.sql`${line.id}::uuid`, Prisma.sql`${kind}::"FileKind"`, Prisma.sql`${line.downloadsResetAt}::timestamptz`)} AS n`
  return rows[0]?.n ?? 0
}

/** Counted downloads for many lines at once: `used.get(lineId)?.get(kind) ?? 0`. */
export async function countCountedDownloadsByLine(
  lines: { id: string }[],
): Promise<Map<string, Map<FileKind, number>>> {
  const result = new Map<string, Map<FileKind, number>>()
  if (!lines.length) return result
  const rows = await prisma.$queryRaw<{ id: string; kind: FileKind; n: number }[]>`
    SELECT oi.id, k.kind, ${counted(Prisma.raw('oi.id'), Prisma.raw('k.kind'), Prisma.raw('oi."downloadsResetAt"'))} AS n
    FROM "OrderItem" oi
    CROSS JOIN (VALUES ('MP3'::"FileKind"), ('WAV'::"FileKind"), ('STEMS'::"FileKind")) AS k(kind)
    WHERE oi.id = ANY(${lines.map((l) => l.id)}::uuid[])`
  for (const row of rows) {
    const perKind = result.get(row.id) ?? new Map<FileKind, number>()
    perKind.set(row.kind, row.n)
    result.set(row.id, perKind)
  }
  return result
}

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
  /** Counted downloads of this kind. With `lock`, may be stale if the lock had to wait: the
   *  allowed insert re-checks it (logAllowedDownloadWithinLimit). */
  used: number
}

/**
 * What the download gate needs about one line and one file kind, in one query. `lock` takes the
 * line's row lock (inside a transaction), so concurrent downloads of one line queue up.
 */
export async function getLineForDownload(
  orderItemId: string,
  kind: FileKind,
  db: Db = prisma,
  { lock = false } = {},
): Promise<LineForDownload | null> {
  const rows = await db.$queryRaw<LineForDownload[]>`
    SELECT oi.id, oi.tier, oi.status, oi."beatTitle", oi."producerName", oi."termsSnapshot", oi."downloadsResetAt",
      b.slug AS "beatSlug", o.email AS "orderEmail", o.status AS "orderStatus",
      f."storageKey", f."contentType",
      ${counted(Prisma.raw('oi.id'), Prisma.sql`${kind}::"FileKind"`, Prisma.raw('oi."downloadsResetAt"'))} AS used
    FROM "OrderItem" oi
    JOIN "MultiItemOrder" o ON o.id = oi."orderId"
    JOIN "Beat" b ON b.id = oi."beatId"
    LEFT JOIN "BeatFile" f ON f."beatId" = oi."beatId" AND f.kind = ${kind}::"FileKind"
    WHERE oi.id = ${orderItemId}::uuid
    ${lock ? Prisma.sql`FOR UPDATE OF oi` : Prisma.empty}`
  return rows[0] ?? null
}

/** Serializes concurrent downloads of one line (the zip takes every line of an order). */
export async function lockOrderItem(tx: Tx, orderItemId: string) {
  await tx.$queryRaw`SELECT 1 FROM "OrderItem" WHERE id = ${orderItemId}::uuid FOR UPDATE`
}

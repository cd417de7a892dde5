import { prisma, type Tx } from '~/models/db.server'

// Free downloads: a listener's emailed request for a beat's tagged preview. Only the sha256 of the
// confirmation token is stored, so a database leak yields no working link.

type Db = Tx | typeof prisma

/** The published beat behind /free/:slug if its producer offers it free; null otherwise. */
export function findFreeBeatBySlug(slug: string, db: Db = prisma) {
  return db.beat.findFirst({
    where: { slug, status: 'PUBLISHED', freeDownload: true },
    select: { id: true, slug: true, title: true, producerId: true, producer: { select: { displayName: true } } },
  })
}

export async function insertFreeDownload(tx: Tx, row: { beatId: string; producerId: string; email: string; consent: boolean; tokenHash: string }) {
  return tx.freeDownload.create({ data: row, select: { id: true } })
}

const byTokenSelect = {
  id: true,
  email: true,
  consent: true,
  confirmedAt: true,
  unsubscribedAt: true,
  licenseText: true,
  licenseSha256: true,
  beat: { select: { id: true, slug: true, title: true, status: true, producer: { select: { displayName: true } } } },
} as const

export function findFreeDownloadByTokenHash(tokenHash: string, db: Db = prisma) {
  return db.freeDownload.findUnique({ where: { tokenHash }, select: byTokenSelect })
}

/** Confirms once: a second confirmation keeps the first date and the license frozen then. */
export async function confirmFreeDownload(id: string, license: { text: string; sha256: string }, now: Date, db: Db = prisma) {
  await db.freeDownload.updateMany({
    where: { id, confirmedAt: null },
    data: { confirmedAt: now, licenseText: license.text, licenseSha256: license.sha256 },
  })
}

export async function unsubscribeFreeDownload(tokenHash: string, now: Date, db: Db = prisma): Promise<boolean> {
  const row = await db.freeDownload.findUnique({ where: { tokenHash }, select: { id: true, email: true, producerId: true } })
  if (!row) return false
  // Unsubscribing is from the producer, not from one beat: every open request of that address to them.
  await db.freeDownload.updateMany({
    where: { producerId: row.producerId, email: row.email, unsubscribedAt: null },
    data: { consent: false, unsubscribedAt: now },
  })
  return true
}

export function listFreeDownloads(producerId: string) {
  return prisma.freeDownload.findMany({
    where: { producerId },
    orderBy: { requestedAt: 'desc' },
    select: { id: true, email: true, consent: true, requestedAt: true, confirmedAt: true, unsubscribedAt: true, beat: { select: { title: true, slug: true } } },
  })
}

export function listFreeDownloadBeats(producerId: string) {
  return prisma.beat.findMany({
    where: { producerId, status: { not: 'ARCHIVED' } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, title: true, status: true, freeDownload: true },
  })
}

/** Returns false when the beat is not the producer's. */
export async function setBeatFreeDownload(producerId: string, beatId: string, on: boolean): Promise<boolean> {
  const { count } = await prisma.beat.updateMany({ where: { id: beatId, producerId }, data: { freeDownload: on } })
  return count === 1
}

/** The demo seed: offers the producer's beat of that title as a free download (no-op if absent). */
export async function offerFreeDownloadByTitle(producerId: string, title: string) {
  await prisma.beat.updateMany({ where: { producerId, title }, data: { freeDownload: true } })
}

import { z } from 'zod'
import type { BeatStatus } from '~/generated/prisma/enums'
import { prisma, type Tx } from '~/models/db.server'
import { NotFoundError } from '~/lib/errors'
import type { TierId } from '~/lib/tiers'
import { beatDetailsSelect } from './beat/beat.server'

// Studio data access. Every query names the producer: a beat id from a URL or a form is only
// ever looked up together with the signed-in producer's id, so a foreign id is simply not found.

type Db = Tx | typeof prisma

const uuid = z.uuid()

/** Order statuses that count as a sale in the studio (money moved at some point). */
export const SOLD_STATUSES = ['PAID', 'REFUNDED', 'DISPUTED'] as const

export function notFound(what = 'beat'): never {
  throw new NotFoundError(`We could not find that ${what} in your studio.`)
}

/** The beat's id if it belongs to the producer; otherwise NotFoundError (also for malformed ids). */
export async function requireOwnBeatId(producerId: string, beatId: string | undefined, db: Db = prisma) {
  if (!beatId || !uuid.safeParse(beatId).success) notFound()
  const beat = await db.beat.findFirst({ where: { id: beatId, producerId }, select: { id: true } })
  if (!beat) notFound()
  return beat.id
}

export async function listStudioBeats(producerId: string) {
  const [beats, sales] = await Promise.all([
    prisma.beat.findMany({
      where: { producerId },
      orderBy: [{ updatedAt: 'desc' }],
      select: {
        id: true,
        title: true,
        slug: true,
        status: true,
        plays: true,
        bpm: true,
        musicalKey: true,
        genre: true,
        minPriceCents: true,
        updatedAt: true,
        files: { select: { kind: true, sha256: true } },
      },
    }),
    prisma.orderItem.groupBy({
      by: ['beatId'],
      where: { producerId, status: 'ACTIVE', order: { status: 'PAID' } },
      _count: { _all: true },
      _sum: { priceCents: true },
    }),
  ])
  const byBeat = new Map(sales.map((s) => [s.beatId, { sales: s._count._all, revenueCents: s._sum.priceCents ?? 0 }]))
  return beats.map(({ files, ...beat }) => ({
    ...beat,
    fileKinds: files.map((f) => f.kind),
    /** Changes when the cover is replaced, so the thumbnail URL does too (covers are cached). */
    coverVersion: files.find((f) => f.kind === 'COVER')?.sha256.slice(0, 12) ?? 'none',
    sales: byBeat.get(beat.id)?.sales ?? 0,
    revenueCents: byBeat.get(beat.id)?.revenueCents ?? 0,
  }))
}

export async function getStudioBeat(producerId: string, beatId: string) {
  const beat = await prisma.beat.findFirst({
    where: { id: beatId, producerId },
    select: {
      ...beatDetailsSelect,
      id: true,
      slug: true,
      status: true,
      plays: true,
      publishedAt: true,
      tiers: { select: { tier: true, priceCents: true, enabled: true } },
      files: {
        select: { kind: true, bytes: true, contentType: true, durationMs: true, originalName: true, sha256: true, createdAt: true },
      },
      _count: { select: { orderItems: true } },
    },
  })
  if (!beat) notFound()
  return beat
}

export async function getBeatState(producerId: string, beatId: string, db: Db = prisma) {
  const beat = await db.beat.findFirst({
    where: { id: beatId, producerId },
    select: {
      id: true,
      status: true,
      publishedAt: true,
      title: true,
      tiers: { select: { tier: true, enabled: true } },
      files: { select: { kind: true, storageKey: true } },
      _count: { select: { orderItems: true } },
    },
  })
  if (!beat) notFound()
  return beat
}

export async function setBeatStatus(beatId: string, status: BeatStatus, publishedAt: Date | null, db: Db = prisma) {
  await db.beat.update({ where: { id: beatId }, data: { status, publishedAt }, select: { id: true } })
}

export async function saveBeatTiers(
  beatId: string,
  tiers: Record<TierId, { enabled: boolean; priceCents: number }>,
  db: Db = prisma,
) {
  for (const [tier, value] of Object.entries(tiers) as [TierId, { enabled: boolean; priceCents: number }][]) {
    await db.beatTier.upsert({
      where: { beatId_tier: { beatId, tier } },
      create: { beatId, tier, ...value },
      update: value,
      select: { tier: true },
    })
  }
}

/** A beat's editable details, as the studio form saves them. */
interface BeatDetailsUpdate {
  title: string
  bpm: number
  musicalKey: string
  genre: string
  mood: string
  tags: string[]
  description: string
  /** Only while the beat has never been public (its URL is nobody's link yet). */
  slug?: string
}

export async function saveBeatDetails(beatId: string, details: BeatDetailsUpdate, db: Db = prisma) {
  await db.beat.update({ where: { id: beatId }, data: details, select: { id: true } })
}

/** Deletes the beat row (its tiers and file rows go with it); storage is the caller's to clean. */
export async function deleteBeatRecord(beatId: string, db: Db = prisma) {
  await db.beat.delete({ where: { id: beatId }, select: { id: true } })
}

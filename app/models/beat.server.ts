import type { BeatStatus, FileKind } from '~/generated/prisma/enums'
import { prisma, type Tx } from '~/lib/db.server'
import { slugify } from '~/lib/slug'
import { LICENSE_TIERS, TIER_IDS, type TierId } from '~/lib/tiers'

type Db = Tx | typeof prisma

export interface NewBeat {
  producerId: string
  title: string
  bpm: number
  musicalKey: string
  genre: string
  mood: string
  tags?: string[]
  description?: string
  status?: BeatStatus
  /** Per-tier price and switch; missing tiers get the default price, enabled. */
  tiers?: Partial<Record<TierId, { priceCents: number; enabled: boolean }>>
}

export async function createBeat(input: NewBeat, db: Db = prisma) {
  const slug = await uniqueBeatSlug(slugify(input.title), db)
  const status = input.status ?? 'DRAFT'
  const beat = await db.beat.create({
    data: {
      producerId: input.producerId,
      title: input.title,
      slug,
      bpm: input.bpm,
      musicalKey: input.musicalKey,
      genre: input.genre,
      mood: input.mood,
      tags: input.tags ?? [],
      description: input.description ?? '',
      status,
      publishedAt: status === 'PUBLISHED' ? new Date() : null,
      tiers: {
        create: TIER_IDS.map((tier) => ({
          tier,
          priceCents: input.tiers?.[tier]?.priceCents ?? LICENSE_TIERS[tier].defaultPriceCents,
          enabled: input.tiers?.[tier]?.enabled ?? true,
        })),
      },
    },
    select: { id: true, slug: true },
  })
  await refreshBeatDerivedFields(beat.id, db)
  return beat
}

export async function uniqueBeatSlug(base: string, db: Db = prisma, exceptBeatId?: string) {
  for (let i = 0; ; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`
    const taken = await db.beat.findUnique({ where: { slug: candidate }, select: { id: true } })
    if (!taken || taken.id === exceptBeatId) return candidate
  }
}

/**
 * Recomputes the denormalised columns the catalog filters on: `searchText` (title, tags, producer
 * name, lower-cased, trigram-indexed) and `minPriceCents` (cheapest enabled tier). Call after any
 * change to those inputs.
 */
export async function refreshBeatDerivedFields(beatId: string, db: Db = prisma) {
  await db.$executeRaw`
    UPDATE "Beat" b SET
      "searchText" = lower(b.title || ' ' || array_to_string(b.tags, ' ') || ' ' || p."displayName"),
      "minPriceCents" = (SELECT min(t."priceCents") FROM "BeatTier" t WHERE t."beatId" = b.id AND t.enabled)
    FROM "Producer" p
    WHERE b.id = ${beatId}::uuid AND p.id = b."producerId"`
}

export interface NewBeatFile {
  kind: FileKind
  storageKey: string
  contentType: string
  bytes: number
  sha256: string
  durationMs?: number | null
  originalName?: string
}

/** Adds or replaces the beat's file of one kind. */
export async function upsertBeatFile(beatId: string, file: NewBeatFile, db: Db = prisma) {
  const data = { ...file, durationMs: file.durationMs ?? null, originalName: file.originalName ?? '' }
  return db.beatFile.upsert({
    where: { beatId_kind: { beatId, kind: file.kind } },
    create: { beatId, ...data },
    update: data,
    select: { id: true, kind: true, storageKey: true },
  })
}

import type { BeatStatus } from '~/generated/prisma/enums'
import { prisma, type Tx } from '~/models/db.server'
import { slugify } from '~/lib/slug'
import { LICENSE_TIERS, TIER_IDS, type TierId } from '~/lib/tiers'
import { clearCatalogCaches } from './catalog.server'

// A beat: creating it, its slug, its denormalised catalog columns, and the beat page's read.

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
  /** Per-tier price and switch; missing tiers get the default price, enabled if offered by default. */
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
          enabled: input.tiers?.[tier]?.enabled ?? LICENSE_TIERS[tier].offeredByDefault,
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
  clearCatalogCaches()
}

/** A beat's descriptive details, as the beat page and the studio's beat form both read them. */
export const beatDetailsSelect = {
  title: true,
  bpm: true,
  musicalKey: true,
  genre: true,
  mood: true,
  tags: true,
  description: true,
} as const

/** Everything the beat page shows; null for an unknown, draft or archived beat. */
export async function getPublishedBeatBySlug(slug: string, db: Db = prisma) {
  const beat = await db.beat.findFirst({
    where: { slug, status: 'PUBLISHED' },
    select: {
      ...beatDetailsSelect,
      id: true,
      slug: true,
      minPriceCents: true,
      publishedAt: true,
      exclusiveSoldAt: true,
      waveformPeaks: true,
      freeDownload: true,
      producer: { select: { id: true, displayName: true, slug: true } },
      tiers: { where: { enabled: true }, select: { tier: true, priceCents: true } },
      files: { where: { kind: { in: ['COVER', 'PREVIEW'] } }, select: { kind: true, durationMs: true, sha256: true } },
    },
  })
  if (!beat) return null
  const { files, tiers, ...rest } = beat
  const preview = files.find((f) => f.kind === 'PREVIEW')
  return {
    ...rest,
    tiers: TIER_IDS.flatMap((id) => tiers.filter((t) => t.tier === id)),
    hasCover: files.some((f) => f.kind === 'COVER'),
    coverVersion: files.find((f) => f.kind === 'COVER')?.sha256.slice(0, 12) ?? null,
    hasPreview: preview !== undefined,
    previewDurationMs: preview?.durationMs ?? null,
  }
}

/** The beat's title, or null when no such beat exists (any status). */
export async function findBeatTitle(beatId: string, db: Db = prisma): Promise<string | null> {
  const beat = await db.beat.findUnique({ where: { id: beatId }, select: { title: true } })
  return beat?.title ?? null
}

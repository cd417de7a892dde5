import { Prisma } from '~/generated/prisma/client'
import { compatibleKeys, orderSimilar, SIMILAR_LIMIT, type SimilarTarget } from '~/lib/catalog/similar'
import { prisma, type Tx } from '~/models/db.server'
import type { CatalogBeat } from './catalog.server'

type Db = Tx | typeof prisma

// Similar beats in one statement. The order (lib/catalog/similar.ts) is lexicographic: same
// producer, genre, mood, compatible key, then BPM distance, so the answer is the first `limit` rows
// of 16 groups taken in that order (same producer, genre, mood and key; then the same but another
// key; …; finally none of the four), each sorted by BPM distance. The groups are the branches of one
// UNION ALL under a LIMIT: PostgreSQL runs them in order and stops as soon as it has `limit` rows,
// so a page usually reads only the first group or two, found through the filter indexes (the
// producer btree and the genre/mood/key GIN). The rows are ordered once more by the pure rule.

type Condition = 'producer' | 'genre' | 'mood' | 'key'
const CONDITIONS: readonly Condition[] = ['producer', 'genre', 'mood', 'key']

/** The 16 match patterns, best first: bit i set means condition i does NOT match. */
const GROUPS: boolean[][] = Array.from({ length: 1 << CONDITIONS.length }, (_, rank) =>
  CONDITIONS.map((_, i) => (rank & (1 << (CONDITIONS.length - 1 - i))) === 0),
)

export interface SimilarBeat extends CatalogBeat {
  producerId: string
}

export function similarBeatsQuery(target: SimilarTarget, limit = SIMILAR_LIMIT): Prisma.Sql {
  const keys = compatibleKeys(target.musicalKey)
  const matches: Record<Condition, Prisma.Sql> = {
    producer: Prisma.sql`b."producerId" = ${target.producerId}::uuid`,
    genre: Prisma.sql`b.genre = ${target.genre}`,
    mood: Prisma.sql`b.mood = ${target.mood}`,
    key: Prisma.sql`b."musicalKey" = ANY(${keys}::text[])`,
  }
  const branches = GROUPS.map((group) => {
    const conditions = CONDITIONS.map((c, i) => (group[i] ? Prisma.sql`AND ${matches[c]}` : Prisma.sql`AND NOT (${matches[c]})`))
    return Prisma.sql`(SELECT b.id FROM "Beat" b WHERE b.status = 'PUBLISHED' AND b.id <> ${target.id}::uuid
      ${Prisma.join(conditions, ' ')}
      ORDER BY abs(b.bpm - ${target.bpm}::int), b.id LIMIT ${limit})`
  })
  return Prisma.sql`
    WITH candidates AS (SELECT id FROM (${Prisma.join(branches, ' UNION ALL ')}) g LIMIT ${limit})
    SELECT b.id, b.slug, b.title, b.bpm, b."musicalKey", b.genre, b.mood, b.tags, b."minPriceCents", b."producerId",
      (SELECT t.tier::text FROM "BeatTier" t WHERE t."beatId" = b.id AND t.enabled
        ORDER BY t."priceCents", t.tier LIMIT 1) AS "cheapestTier",
      p."displayName" AS "producerName", p.slug AS "producerSlug",
      (cf.id IS NOT NULL) AS "hasCover", (pf.id IS NOT NULL) AS "hasPreview", pf."durationMs" AS "previewDurationMs"
    FROM candidates
    JOIN "Beat" b ON b.id = candidates.id
    JOIN "Producer" p ON p.id = b."producerId"
    LEFT JOIN "BeatFile" cf ON cf."beatId" = b.id AND cf.kind = 'COVER'
    LEFT JOIN "BeatFile" pf ON pf."beatId" = b.id AND pf.kind = 'PREVIEW'`
}

/** Up to `limit` published beats like `target`, best first (see lib/catalog/similar.ts). */
export async function findSimilarBeats(target: SimilarTarget, limit = SIMILAR_LIMIT, db: Db = prisma): Promise<SimilarBeat[]> {
  const candidates = await db.$queryRaw<SimilarBeat[]>(similarBeatsQuery(target, limit))
  return orderSimilar(target, candidates, limit)
}

import { Prisma } from '~/generated/prisma/client'
import type { CatalogSort } from '~/lib/catalog/params'
import { prisma, type Tx } from '~/models/db.server'
import type { TierId } from '~/lib/tiers'

type Db = Tx | typeof prisma

// The storefront catalog (home page and producer pages): one page of cards, its count and the filter
// menus. Only PUBLISHED beats are ever shown.

/** One card in the catalog or on a producer page. */
export interface CatalogBeat {
  id: string
  slug: string
  title: string
  bpm: number
  musicalKey: string
  genre: string
  mood: string
  tags: string[]
  minPriceCents: number | null
  cheapestTier: TierId | null
  /** Enabled tiers, cheapest first: a card lets the buyer pick one without opening the beat. */
  tierPrices: { tier: TierId; priceCents: number }[]
  producerName: string
  producerSlug: string
  hasCover: boolean
  /** The cover's version for its URLs (first 12 hex digits of its sha256), null without a cover. */
  coverVersion: string | null
  hasPreview: boolean
  previewDurationMs: number | null
}

export interface CatalogFilter {
  q?: string
  genre?: string
  mood?: string
  key?: string
  bpmMin?: number | null
  bpmMax?: number | null
  /** Whole currency units, compared with the cheapest enabled tier. */
  priceMin?: number | null
  priceMax?: number | null
  producerId?: string
  sort?: CatalogSort
  page?: number
  pageSize?: number
}

/** Counting stops here: "10,000+ beats" is as useful as the exact figure and much cheaper. */
const CATALOG_COUNT_CAP = 10_000

const ORDER_BY: Record<CatalogSort, Prisma.Sql> = {
  newest: Prisma.sql`b."publishedAt" DESC NULLS LAST, b.id`,
  'price-asc': Prisma.sql`b."minPriceCents" ASC NULLS LAST, b."publishedAt" DESC NULLS LAST, b.id`,
  'price-desc': Prisma.sql`b."minPriceCents" DESC NULLS LAST, b."publishedAt" DESC NULLS LAST, b.id`,
  'bpm-asc': Prisma.sql`b.bpm ASC, b."publishedAt" DESC NULLS LAST, b.id`,
  'bpm-desc': Prisma.sql`b.bpm DESC, b."publishedAt" DESC NULLS LAST, b.id`,
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Search words: every word must appear somewhere in title, tags or producer name. */
function searchWords(q: string): string[] {
  return [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 6)
}

function catalogWhere(f: CatalogFilter): Prisma.Sql {
  // A beat sold exclusively is off sale: its page stays (saying so), the catalog leaves it out.
  const parts: Prisma.Sql[] = [Prisma.sql`b.status = 'PUBLISHED'`, Prisma.sql`b."exclusiveSoldAt" IS NULL`]
  // LIKE on the lower-cased searchText is served by the trigram GIN index (one bitmap per word).
  for (const word of searchWords(f.q ?? '')) {
    parts.push(Prisma.sql`b."searchText" LIKE ${`%${escapeLike(word)}%`}`)
  }
  if (f.genre) parts.push(Prisma.sql`b.genre = ${f.genre}`)
  if (f.mood) parts.push(Prisma.sql`b.mood = ${f.mood}`)
  if (f.key) parts.push(Prisma.sql`b."musicalKey" = ${f.key}`)
  if (f.bpmMin != null) parts.push(Prisma.sql`b.bpm >= ${f.bpmMin}`)
  if (f.bpmMax != null) parts.push(Prisma.sql`b.bpm <= ${f.bpmMax}`)
  if (f.priceMin != null) parts.push(Prisma.sql`b."minPriceCents" >= ${f.priceMin * 100}`)
  if (f.priceMax != null) parts.push(Prisma.sql`b."minPriceCents" <= ${f.priceMax * 100}`)
  if (f.producerId) parts.push(Prisma.sql`b."producerId" = ${f.producerId}::uuid`)
  return Prisma.join(parts, ' AND ')
}

/** The two statements behind a catalog page (exported so the benchmark times the real SQL). */
export function catalogQueries(f: CatalogFilter) {
  const pageSize = f.pageSize ?? 24
  const offset = (Math.max(1, f.page ?? 1) - 1) * pageSize
  const where = catalogWhere(f)
  const orderBy = ORDER_BY[f.sort ?? 'newest']
  // Filter, sort and cut to one page on "Beat" alone, then join what the cards need for 24 rows.
  const list = Prisma.sql`
    WITH page AS (
      SELECT b.id FROM "Beat" b WHERE ${where} ORDER BY ${orderBy} LIMIT ${pageSize} OFFSET ${offset}
    )
    SELECT b.id, b.slug, b.title, b.bpm, b."musicalKey", b.genre, b.mood, b.tags, b."minPriceCents",
      (SELECT t.tier::text FROM "BeatTier" t WHERE t."beatId" = b.id AND t.enabled
        ORDER BY t."priceCents", t.tier LIMIT 1) AS "cheapestTier",
      (SELECT coalesce(json_agg(json_build_object('tier', t.tier, 'priceCents', t."priceCents") ORDER BY t."priceCents", t.tier), '[]')
        FROM "BeatTier" t WHERE t."beatId" = b.id AND t.enabled) AS "tierPrices",
      p."displayName" AS "producerName", p.slug AS "producerSlug",
      (cf.id IS NOT NULL) AS "hasCover", left(cf.sha256, 12) AS "coverVersion", (pf.id IS NOT NULL) AS "hasPreview", pf."durationMs" AS "previewDurationMs"
    FROM page
    JOIN "Beat" b ON b.id = page.id
    JOIN "Producer" p ON p.id = b."producerId"
    LEFT JOIN "BeatFile" cf ON cf."beatId" = b.id AND cf.kind = 'COVER'
    LEFT JOIN "BeatFile" pf ON pf."beatId" = b.id AND pf.kind = 'PREVIEW'
    ORDER BY ${orderBy}`
  const count = Prisma.sql`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Beat" b WHERE ${where} LIMIT ${CATALOG_COUNT_CAP + 1}) s`
  return { list, count }
}

export interface CatalogPage {
  beats: CatalogBeat[]
  /** Capped at CATALOG_COUNT_CAP + 1 (see totalIsCapped). */
  total: number
  totalIsCapped: boolean
  page: number
  pageCount: number
}

// "N beats" may be a few seconds stale; in exchange a popular search or filter is counted once per
// TTL instead of on every page view (the count scans every match, the page only 24 of them).
const COUNT_TTL_MS = 10_000
const COUNT_CACHE_MAX = 500
const countCache = new Map<string, { at: number; n: number }>()

async function cachedCount(count: Prisma.Sql, db: Db): Promise<number> {
  const key = `${count.text}\u0000${JSON.stringify(count.values)}`
  const hit = countCache.get(key)
  if (hit && Date.now() - hit.at < COUNT_TTL_MS) return hit.n
  const rows = await db.$queryRaw<{ n: number }[]>(count)
  const n = rows[0]?.n ?? 0
  countCache.delete(key)
  countCache.set(key, { at: Date.now(), n })
  // Map keeps insertion order: drop the oldest entries beyond the cap.
  for (const k of countCache.keys()) {
    if (countCache.size <= COUNT_CACHE_MAX) break
    countCache.delete(k)
  }
  return n
}

/** Forget cached counts and filter menus (a beat was created, edited, published or removed). */
export function clearCatalogCaches() {
  countCache.clear()
  facetCache = undefined
}

export async function searchCatalog(f: CatalogFilter, db: Db = prisma): Promise<CatalogPage> {
  const pageSize = f.pageSize ?? 24
  const { list, count } = catalogQueries(f)
  const [beats, total] = await Promise.all([db.$queryRaw<CatalogBeat[]>(list), cachedCount(count, db)])
  return {
    beats,
    total,
    totalIsCapped: total > CATALOG_COUNT_CAP,
    page: Math.max(1, f.page ?? 1),
    pageCount: Math.max(1, Math.ceil(Math.min(total, CATALOG_COUNT_CAP) / pageSize)),
  }
}

export interface CatalogFacets {
  genres: string[]
  moods: string[]
  keys: string[]
}

// The filter menus change only when a producer publishes; a short per-process cache keeps a
// DISTINCT scan over the whole catalog off every page view.
const FACET_TTL_MS = 30_000
let facetCache: { at: number; value: Promise<CatalogFacets> } | undefined

export function getCatalogFacets(db: Db = prisma): Promise<CatalogFacets> {
  if (facetCache && Date.now() - facetCache.at < FACET_TTL_MS) return facetCache.value
  const value = (async () => {
    const rows = await db.$queryRaw<{ facet: string; value: string }[]>`
      SELECT DISTINCT 'genre' AS facet, genre AS value FROM "Beat" WHERE status = 'PUBLISHED'
      UNION SELECT DISTINCT 'mood', mood FROM "Beat" WHERE status = 'PUBLISHED'
      UNION SELECT DISTINCT 'key', "musicalKey" FROM "Beat" WHERE status = 'PUBLISHED'`
    const pick = (facet: string) =>
      rows
        .filter((r) => r.facet === facet)
        .map((r) => r.value)
        .sort((a, b) => a.localeCompare(b))
    return { genres: pick('genre'), moods: pick('mood'), keys: pick('key') }
  })()
  facetCache = { at: Date.now(), value }
  value.catch(() => {
    if (facetCache?.value === value) facetCache = undefined
  })
  return value
}

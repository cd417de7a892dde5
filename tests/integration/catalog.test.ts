import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { getPublishedBeatBySlug } from '~/models/beat/beat.server'
import { clearCatalogCaches, getCatalogFacets, searchCatalog } from '~/models/beat/catalog.server'
import { makeBeat, makeProducer } from '../factories'

// The catalog query against a real Postgres: search, every filter, sorts, pagination, drafts.

let ids: Record<string, string> = {}

beforeAll(async () => {
  const nova = await makeProducer({ displayName: 'Nova Sound' })
  const kilo = await makeProducer({ displayName: 'Kilo Beats' })
  const mk = async (
    name: string,
    producerId: string,
    fields: { genre: string; mood: string; bpm: number; key: string; tags: string[]; basic: number; status?: 'DRAFT' | 'ARCHIVED' },
  ) => {
    const beat = await makeBeat({
      title: name,
      producerId,
      genre: fields.genre,
      mood: fields.mood,
      bpm: fields.bpm,
      musicalKey: fields.key,
      tags: fields.tags,
      status: fields.status ?? 'PUBLISHED',
      tiers: { BASIC: { priceCents: fields.basic, enabled: true } },
    })
    ids[name] = beat.id
    return beat
  }
  ids = {}
  await mk('Midnight Drive', nova.id, { genre: 'Trap', mood: 'Dark', bpm: 140, key: 'A minor', tags: ['808', 'night'], basic: 3000 })
  await mk('Sunny Porch', nova.id, { genre: 'Lo-Fi', mood: 'Chill', bpm: 80, key: 'C major', tags: ['vinyl'], basic: 2000 })
  await mk('Glass Rain', kilo.id, { genre: 'Drill', mood: 'Dark', bpm: 144, key: 'F# minor', tags: ['sliding', 'cold'], basic: 4500 })
  await mk('Velvet Hour', kilo.id, { genre: 'R&B', mood: 'Romantic', bpm: 96, key: 'Eb major', tags: ['smooth'], basic: 3500 })
  await mk('Secret Draft', kilo.id, { genre: 'Trap', mood: 'Dark', bpm: 140, key: 'A minor', tags: ['night'], basic: 1000, status: 'DRAFT' })
  await mk('Old Archive', kilo.id, { genre: 'Trap', mood: 'Dark', bpm: 140, key: 'A minor', tags: ['night'], basic: 1000, status: 'ARCHIVED' })
  // Publication order: Midnight first ... Velvet last (newest).
  const order = ['Midnight Drive', 'Sunny Porch', 'Glass Rain', 'Velvet Hour']
  for (const [i, name] of order.entries()) {
    await prisma.beat.update({ where: { id: ids[name]! }, data: { publishedAt: new Date(Date.UTC(2026, 0, 1 + i)) } })
  }
})

const titles = async (f: Parameters<typeof searchCatalog>[0]) => (await searchCatalog(f)).beats.map((b) => b.title)

describe('searchCatalog', () => {
  it('lists only published beats, newest first, with what a card needs', async () => {
    const page = await searchCatalog({})
    expect(page.beats.map((b) => b.title)).toEqual(['Velvet Hour', 'Glass Rain', 'Sunny Porch', 'Midnight Drive'])
    expect(page.total).toBe(4)
    const velvet = page.beats[0]!
    expect(velvet).toMatchObject({
      producerName: 'Kilo Beats',
      genre: 'R&B',
      bpm: 96,
      minPriceCents: 3500,
      cheapestTier: 'BASIC',
      hasPreview: true,
      hasCover: false,
    })
    expect(velvet.producerSlug).toMatch(/^kilo-beats/)
  })

  it('searches title, tags and producer name, case-insensitively, all words required', async () => {
    expect(await titles({ q: 'MIDNIGHT' })).toEqual(['Midnight Drive'])
    expect(await titles({ q: 'vinyl' })).toEqual(['Sunny Porch'])
    expect(await titles({ q: 'kilo' })).toEqual(['Velvet Hour', 'Glass Rain'])
    expect(await titles({ q: 'nova night' })).toEqual(['Midnight Drive'])
    expect(await titles({ q: 'night' })).toEqual(['Midnight Drive']) // not the draft or the archived one
    expect(await titles({ q: 'zzz-nothing' })).toEqual([])
  })

  it('treats LIKE wildcards in the search as plain characters', async () => {
    expect(await titles({ q: '%' })).toEqual([])
    expect(await titles({ q: '_' })).toEqual([])
  })

  it('filters by genre, mood, key, BPM range and price range', async () => {
    expect(await titles({ genre: 'Trap' })).toEqual(['Midnight Drive'])
    expect(await titles({ mood: 'Dark' })).toEqual(['Glass Rain', 'Midnight Drive'])
    expect(await titles({ key: 'F# minor' })).toEqual(['Glass Rain'])
    expect(await titles({ bpmMin: 90, bpmMax: 140 })).toEqual(['Velvet Hour', 'Midnight Drive'])
    expect(await titles({ priceMin: 30, priceMax: 35 })).toEqual(['Velvet Hour', 'Midnight Drive'])
    expect(await titles({ priceMax: 20 })).toEqual(['Sunny Porch'])
    expect(await titles({ mood: 'Dark', q: 'cold', bpmMin: 141 })).toEqual(['Glass Rain'])
  })

  it('sorts by price and BPM', async () => {
    expect(await titles({ sort: 'price-asc' })).toEqual(['Sunny Porch', 'Midnight Drive', 'Velvet Hour', 'Glass Rain'])
    expect(await titles({ sort: 'price-desc' })).toEqual(['Glass Rain', 'Velvet Hour', 'Midnight Drive', 'Sunny Porch'])
    expect(await titles({ sort: 'bpm-asc' })).toEqual(['Sunny Porch', 'Velvet Hour', 'Midnight Drive', 'Glass Rain'])
    expect(await titles({ sort: 'bpm-desc' })).toEqual(['Glass Rain', 'Midnight Drive', 'Velvet Hour', 'Sunny Porch'])
  })

  it('paginates', async () => {
    const first = await searchCatalog({ pageSize: 3, page: 1 })
    const second = await searchCatalog({ pageSize: 3, page: 2 })
    expect(first.beats.map((b) => b.title)).toEqual(['Velvet Hour', 'Glass Rain', 'Sunny Porch'])
    expect(second.beats.map((b) => b.title)).toEqual(['Midnight Drive'])
    expect(first.pageCount).toBe(2)
    expect(first.total).toBe(4)
    expect((await searchCatalog({ pageSize: 3, page: 9 })).beats).toEqual([])
  })

  it('uses the cheapest enabled tier', async () => {
    const beat = await makeBeat({
      title: 'Only Big Tiers',
      tiers: { BASIC: { priceCents: 1000, enabled: false }, TRACKOUT: { priceCents: 9000, enabled: true } },
    })
    const page = await searchCatalog({ q: 'only big tiers' })
    expect(page.beats[0]).toMatchObject({ id: beat.id, minPriceCents: 9000, cheapestTier: 'TRACKOUT' })
    // The card's tier sheet offers the enabled tiers only, cheapest first.
    expect(page.beats[0]!.tierPrices).toEqual([
      { tier: 'TRACKOUT', priceCents: 9000 },
      { tier: 'UNLIMITED', priceCents: 25000 },
    ])
    await prisma.beat.update({ where: { id: beat.id }, data: { status: 'DRAFT' } })
  })

  it('counts a newly created beat at once (writes clear the cached counts)', async () => {
    expect((await searchCatalog({ q: 'fresh arrival' })).total).toBe(0)
    await makeBeat({ title: 'Fresh Arrival' })
    expect((await searchCatalog({ q: 'fresh arrival' })).total).toBe(1)
    await prisma.beat.updateMany({ where: { title: 'Fresh Arrival' }, data: { status: 'DRAFT' } })
    clearCatalogCaches()
  })

  it('filters by producer', async () => {
    const producer = await prisma.producer.findFirstOrThrow({ where: { displayName: 'Nova Sound' }, select: { id: true } })
    expect(await titles({ producerId: producer.id })).toEqual(['Sunny Porch', 'Midnight Drive'])
  })
})

describe('getCatalogFacets', () => {
  it('lists the genres, moods and keys of published beats only', async () => {
    clearCatalogCaches()
    const facets = await getCatalogFacets()
    expect(facets.genres).toEqual(['Drill', 'Lo-Fi', 'R&B', 'Trap'])
    expect(facets.moods).toEqual(['Chill', 'Dark', 'Romantic'])
    expect(facets.keys).toContain('F# minor')
  })
})

describe('getPublishedBeatBySlug', () => {
  it('returns a published beat with its enabled tiers in tier order', async () => {
    const beat = await makeBeat({ title: 'Tier Order', tiers: { TRACKOUT: { priceCents: 9900, enabled: false } } })
    const found = await getPublishedBeatBySlug(beat.slug)
    expect(found?.tiers.map((t) => t.tier)).toEqual(['BASIC', 'UNLIMITED'])
    expect(found?.hasPreview).toBe(true)
  })

  it('hides drafts and archived beats', async () => {
    const draft = await makeBeat({ status: 'DRAFT' })
    const archived = await makeBeat({ status: 'ARCHIVED' })
    expect(await getPublishedBeatBySlug(draft.slug)).toBeNull()
    expect(await getPublishedBeatBySlug(archived.slug)).toBeNull()
    expect(await getPublishedBeatBySlug('no-such-beat')).toBeNull()
  })
})

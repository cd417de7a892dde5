import type { CatalogBeat } from '~/models/beat/catalog.server'

/** What a catalog card and its preview track render: the loader sends only this to the client. */
export type CardBeatData = Omit<CatalogBeat, 'mood' | 'tags'>

export function toCardBeat(b: CardBeatData): CardBeatData {
  return {
    id: b.id,
    slug: b.slug,
    title: b.title,
    bpm: b.bpm,
    musicalKey: b.musicalKey,
    genre: b.genre,
    minPriceCents: b.minPriceCents,
    cheapestTier: b.cheapestTier,
    tierPrices: b.tierPrices,
    producerName: b.producerName,
    producerSlug: b.producerSlug,
    hasCover: b.hasCover,
    coverVersion: b.coverVersion,
    hasPreview: b.hasPreview,
    previewDurationMs: b.previewDurationMs,
  }
}

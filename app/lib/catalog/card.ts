import type { TierId } from '~/lib/tiers'

/** What a catalog card and its preview track render: the loader sends only this to the client. */
export interface CardBeatData {
  id: string
  slug: string
  title: string
  bpm: number
  musicalKey: string
  genre: string
  minPriceCents: number | null
  cheapestTier: TierId | null
  producerName: string
  producerSlug: string
  hasCover: boolean
  hasPreview: boolean
  previewDurationMs: number | null
}

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
    producerName: b.producerName,
    producerSlug: b.producerSlug,
    hasCover: b.hasCover,
    hasPreview: b.hasPreview,
    previewDurationMs: b.previewDurationMs,
  }
}

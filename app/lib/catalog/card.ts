import { formatPrice } from '~/lib/money'
import type { CatalogBeat } from '~/models/beat/catalog.server'

/** What a catalog card and its preview track render: the loader sends only this to the client. */
export type CardBeatData = Omit<CatalogBeat, 'mood' | 'tags'> & {
  /** "$25": formatted on the server, so hydrating a page of cards never starts the browser's
   * number formatting (its first use cost a phone about a quarter of a second). */
  priceLabel: string | null
}

export function toCardBeat(b: Omit<CardBeatData, 'priceLabel'>, currency: string): CardBeatData {
  return {
    id: b.id,
    slug: b.slug,
    title: b.title,
    bpm: b.bpm,
    musicalKey: b.musicalKey,
    genre: b.genre,
    minPriceCents: b.minPriceCents,
    priceLabel: b.minPriceCents === null ? null : formatPrice(b.minPriceCents, currency),
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

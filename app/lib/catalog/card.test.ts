import { describe, expect, it } from 'vitest'
import { toCardBeat } from './card'

describe('toCardBeat', () => {
  it('keeps what a card renders and drops the rest', () => {
    const beat = {
      id: 'b1',
      slug: 'night-drive',
      title: 'Night Drive',
      bpm: 140,
      musicalKey: 'A minor',
      genre: 'Trap',
      mood: 'Dark',
      tags: ['808', 'night'],
      minPriceCents: 2500,
      cheapestTier: 'BASIC' as const,
      tierPrices: [{ tier: 'BASIC' as const, priceCents: 2500 }],
      producerName: 'Nova',
      producerSlug: 'nova',
      hasCover: false,
      coverVersion: null,
      hasPreview: true,
      previewDurationMs: 30_000,
    }
    const card = toCardBeat(beat, 'usd')
    expect(card).not.toHaveProperty('mood')
    expect(card).not.toHaveProperty('tags')
    expect(card).toEqual({
      id: 'b1',
      slug: 'night-drive',
      title: 'Night Drive',
      bpm: 140,
      musicalKey: 'A minor',
      genre: 'Trap',
      minPriceCents: 2500,
      priceLabel: '$25',
      cheapestTier: 'BASIC',
      tierPrices: [{ tier: 'BASIC', priceCents: 2500 }],
      producerName: 'Nova',
      producerSlug: 'nova',
      hasCover: false,
      coverVersion: null,
      hasPreview: true,
      previewDurationMs: 30_000,
    })
  })
})

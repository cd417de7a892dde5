import { describe, expect, it } from 'vitest'
import { cheapestTierIncluding, describeTerms, isHigherTier, LICENSE_TIERS, snapshotTerms, tierIncludes, TIER_IDS, type UsageTerms } from './tiers'

describe('license tiers', () => {
  it('Basic is the MP3 only; Trackout and Unlimited include WAV and stems', () => {
    expect(tierIncludes('BASIC', 'MP3')).toBe(true)
    expect(tierIncludes('BASIC', 'WAV')).toBe(false)
    expect(tierIncludes('BASIC', 'STEMS')).toBe(false)
    for (const tier of ['TRACKOUT', 'UNLIMITED'] as const) {
      expect(LICENSE_TIERS[tier].files).toEqual(['MP3', 'WAV', 'STEMS'])
    }
  })

  it('names the cheapest tier that unlocks a file, for upgrade messages', () => {
    expect(cheapestTierIncluding('MP3')).toBe('BASIC')
    expect(cheapestTierIncluding('STEMS')).toBe('TRACKOUT')
    expect(cheapestTierIncluding('WAV')).toBe('TRACKOUT')
  })

  it('orders tiers cheapest first with the PRODUCT.md default prices and caps', () => {
    expect(TIER_IDS.map((t) => LICENSE_TIERS[t].defaultPriceCents)).toEqual([2_500, 10_000, 25_000, 150_000])
    expect(LICENSE_TIERS.BASIC.defaultTerms).toEqual({
      distributionCopies: 2_500,
      streams: 100_000,
      musicVideos: 1,
      radioBroadcasting: false,
    })
    expect(LICENSE_TIERS.UNLIMITED.defaultTerms.streams).toBeNull()
  })

  it('Exclusive has every file, is opt-in per beat and says what transfers and what the producer keeps', () => {
    expect(LICENSE_TIERS.EXCLUSIVE.files).toEqual(['MP3', 'WAV', 'STEMS'])
    expect(LICENSE_TIERS.EXCLUSIVE.offeredByDefault).toBe(false)
    const snap = snapshotTerms('EXCLUSIVE', LICENSE_TIERS.EXCLUSIVE.defaultTerms)
    expect(snap.rights?.exclusive).toBe(true)
    expect(snap.rights?.transfers).toMatch(/Exclusive use of the beat from the purchase on/)
    expect(snap.rights?.producerKeeps.join(' ')).toMatch(/Credit as producer.*publishing share/)
    expect(snapshotTerms('BASIC', LICENSE_TIERS.BASIC.defaultTerms).rights?.exclusive).toBe(false)
    expect(isHigherTier('BASIC', 'TRACKOUT')).toBe(true)
    expect(isHigherTier('UNLIMITED', 'EXCLUSIVE')).toBe(true)
    expect(isHigherTier('TRACKOUT', 'BASIC')).toBe(false)
    expect(isHigherTier('BASIC', 'BASIC')).toBe(false)
  })

  it('snapshots are copies: later edits to the source never change a sold line', () => {
    const terms: UsageTerms = { ...LICENSE_TIERS.BASIC.defaultTerms }
    const snap = snapshotTerms('BASIC', terms)
    terms.streams = 1
    expect(snap.terms.streams).toBe(100_000)
    expect(snap).toMatchObject({ tier: 'BASIC', label: 'Basic', files: ['MP3'] })
  })

  it('describes caps in words, with unlimited spelled out', () => {
    expect(describeTerms(LICENSE_TIERS.BASIC.defaultTerms)).toEqual([
      '2,500 distribution copies',
      '100,000 audio streams',
      '1 music video',
      'No radio broadcasting',
    ])
    expect(describeTerms(LICENSE_TIERS.UNLIMITED.defaultTerms)).toContain('Unlimited audio streams')
  })
})

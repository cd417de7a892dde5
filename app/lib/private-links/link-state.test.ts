import { describe, expect, it } from 'vitest'
import { linkPrice, linkState, parseTierPrices } from './link-state'
import { newLinkId } from './link-id.server'

const now = new Date('2026-12-02T12:00:00Z')
const open = { expiresAt: new Date('2026-12-03T12:00:00Z'), revokedAt: null, purchaseCap: 2 }

describe('linkState', () => {
  it('is open before expiry and under the cap', () => expect(linkState(open, 1, now)).toBe('open'))
  it('expires at the instant itself', () => expect(linkState({ ...open, expiresAt: now }, 0, now)).toBe('expired'))
  it('is used up at the cap, and never with no cap', () => {
    expect(linkState(open, 2, now)).toBe('used-up')
    expect(linkState({ ...open, purchaseCap: null }, 10_000, now)).toBe('open')
  })
  it('says revoked before expired before used up', () => {
    expect(linkState({ expiresAt: now, revokedAt: now, purchaseCap: 1 }, 5, now)).toBe('revoked')
    expect(linkState({ expiresAt: now, revokedAt: null, purchaseCap: 1 }, 5, now)).toBe('expired')
  })
})

describe('link prices', () => {
  it('uses the link price for a tier it sets, the beat price otherwise', () => {
    const prices = parseTierPrices({ BASIC: 1_500, TRACKOUT: -1, NOPE: 5, UNLIMITED: 99.5 })
    expect(prices).toEqual({ BASIC: 1_500 })
    expect(linkPrice(prices, 'BASIC', 2_500)).toBe(1_500)
    expect(linkPrice(prices, 'TRACKOUT', 10_000)).toBe(10_000)
  })
})

describe('newLinkId', () => {
  it('makes 12 base62 characters, different each time', () => {
    const ids = new Set(Array.from({ length: 500 }, newLinkId))
    expect(ids.size).toBe(500)
    for (const id of ids) expect(id).toMatch(/^[0-9A-Za-z]{12}$/)
  })
})

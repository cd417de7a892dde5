import { describe, expect, it } from 'vitest'
import {
  catalogHref,
  DEFAULT_PARAMS,
  hasFilters,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  resultCountLabel,
  serializeCatalogParams,
  type CatalogParams,
} from './params'
import { parseCatalogParams } from './parse'

const parse = (qs: string) => parseCatalogParams(new URLSearchParams(qs))

describe('parseCatalogParams', () => {
  it('gives the defaults for an empty query string', () => {
    expect(parse('')).toEqual(DEFAULT_PARAMS)
    expect(hasFilters(parse(''))).toBe(false)
  })

  it('reads every field', () => {
    expect(
      parse('q=night+drive&genre=Trap&mood=Dark&key=A+minor&bpmMin=80&bpmMax=140&priceMin=20&priceMax=90&sort=price-asc&page=3'),
    ).toEqual({
      q: 'night drive',
      genre: 'Trap',
      mood: 'Dark',
      key: 'A minor',
      bpmMin: 80,
      bpmMax: 140,
      priceMin: 20,
      priceMax: 90,
      sort: 'price-asc',
      page: 3,
    })
  })

  it('ignores junk numbers and unknown sorts', () => {
    const p = parse('bpmMin=abc&bpmMax=&priceMin=NaN&priceMax=Infinity&sort=hacker&page=zero')
    expect(p).toEqual(DEFAULT_PARAMS)
  })

  it('clamps out-of-range numbers', () => {
    const p = parse('page=-3&bpmMin=1&bpmMax=99999&priceMin=-10&priceMax=1e9')
    expect(p.page).toBe(1)
    expect(p.bpmMin).toBe(40)
    expect(p.bpmMax).toBe(240)
    expect(p.priceMin).toBe(0)
    expect(p.priceMax).toBe(10_000)
    expect(parse('page=1000000').page).toBe(MAX_PAGE)
    expect(parse('page=2.6').page).toBe(3)
  })

  it('swaps reversed ranges', () => {
    const p = parse('bpmMin=150&bpmMax=90&priceMin=100&priceMax=10')
    expect([p.bpmMin, p.bpmMax, p.priceMin, p.priceMax]).toEqual([90, 150, 10, 100])
  })

  it('cuts a 10,000-character search and tidies whitespace and control characters', () => {
    const p = parse(`q=${'a'.repeat(10_000)}`)
    expect(p.q).toHaveLength(MAX_QUERY_LENGTH)
    expect(parse('q=%20%20dark%00%0a%09trap%20%20').q).toBe('dark trap')
  })

  it('takes the first of repeated keys', () => {
    expect(parse('genre=Trap&genre=Drill').genre).toBe('Trap')
  })
})

describe('serializeCatalogParams', () => {
  it('leaves defaults out', () => {
    expect(serializeCatalogParams(DEFAULT_PARAMS).toString()).toBe('')
    expect(catalogHref({})).toBe('/')
    expect(catalogHref({ genre: 'Lo-Fi', page: 2 })).toBe('/?genre=Lo-Fi&page=2')
  })

  it('round-trips through the parser', () => {
    const samples: CatalogParams[] = [
      DEFAULT_PARAMS,
      { ...DEFAULT_PARAMS, q: 'dark & stormy?', genre: 'R&B', sort: 'bpm-desc', page: 7 },
      { ...DEFAULT_PARAMS, key: 'F# minor', bpmMin: 40, bpmMax: 240, priceMin: 0, priceMax: 25 },
    ]
    for (const params of samples) {
      expect(parseCatalogParams(serializeCatalogParams(params))).toEqual(params)
    }
  })
})

describe('resultCountLabel', () => {
  it('groups thousands, says "beat" for one, and marks a capped count with a plus', () => {
    expect(resultCountLabel(1, false)).toBe('1 beat')
    expect(resultCountLabel(1204, false)).toBe('1,204 beats')
    expect(resultCountLabel(10_001, true)).toBe('10,000+ beats')
  })
})

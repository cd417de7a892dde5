import { describe, expect, it } from 'vitest'
import { compatibleKeys, orderSimilar, parseKey, toCamelot, type SimilarCandidate } from './similar'

describe('toCamelot', () => {
  it('places keys on the wheel (minor = A, major = B), whatever the spelling', () => {
    const table: [string, string][] = [
      ['A minor', '8A'], ['C major', '8B'], ['E minor', '9A'], ['G major', '9B'], ['C minor', '5A'],
      ['Eb major', '5B'], ['D# major', '5B'], ['G# minor', '1A'], ['Ab minor', '1A'], ['B major', '1B'],
      ['C# minor', '12A'], ['E major', '12B'], ['F# major', '2B'], ['Gb major', '2B'], ['Bbm', '3A'],
    ]
    for (const [key, code] of table) {
      const c = toCamelot(key)
      expect(c && `${c.number}${c.letter}`, key).toBe(code)
    }
  })

  it('reads nothing from text that is not a key', () => {
    expect(parseKey('Atonal')).toBeNull()
    expect(toCamelot('H minor')).toBeNull()
  })
})

describe('compatibleKeys', () => {
  it('is the key, its wheel neighbours and its relative major or minor', () => {
    expect(compatibleKeys('A minor').sort()).toEqual(['A minor', 'C major', 'D minor', 'E minor'])
    expect(compatibleKeys('C major').sort()).toEqual(['A minor', 'C major', 'F major', 'G major'])
  })

  it('wraps round the wheel (12A to 1A) and spells sharps and flats both ways', () => {
    const keys = compatibleKeys('C# minor')
    for (const k of ['C# minor', 'Db minor', 'F# minor', 'Gb minor', 'G# minor', 'Ab minor', 'E major']) expect(keys).toContain(k)
    expect(keys).not.toContain('A minor')
  })

  it('matches an unreadable key only with itself', () => {
    expect(compatibleKeys('Atonal')).toEqual(['Atonal'])
  })
})

describe('orderSimilar', () => {
  const target = { id: 't', producerId: 'p1', genre: 'Trap', mood: 'Dark', musicalKey: 'A minor', bpm: 140 }
  const beat = (id: string, over: Partial<SimilarCandidate>): SimilarCandidate => ({ ...target, id, producerId: 'p2', genre: 'Pop', mood: 'Happy', musicalKey: 'F# major', bpm: 100, ...over })

  it('puts the same producer first, then genre, mood, compatible key, then the nearest tempo', () => {
    const candidates = [
      beat('nothing-in-common', {}),
      beat('key-only', { musicalKey: 'E minor' }),
      beat('mood-only', { mood: 'Dark' }),
      beat('genre-only', { genre: 'Trap' }),
      beat('genre-mood-far', { genre: 'Trap', mood: 'Dark', bpm: 90 }),
      beat('genre-mood-near', { genre: 'Trap', mood: 'Dark', bpm: 138 }),
      beat('genre-mood-key', { genre: 'Trap', mood: 'Dark', musicalKey: 'C major', bpm: 80 }),
      beat('same-producer-unlike', { producerId: 'p1' }),
    ]
    expect(orderSimilar(target, candidates, 10).map((c) => c.id)).toEqual([
      'same-producer-unlike',
      'genre-mood-key',
      'genre-mood-near',
      'genre-mood-far',
      'genre-only',
      'mood-only',
      'key-only',
      'nothing-in-common',
    ])
  })

  it('keeps the limit, never lists the beat itself, and drops repeated candidates', () => {
    const candidates = [beat('a', { bpm: 141 }), beat('t', {}), beat('a', { bpm: 141 }), beat('b', { bpm: 150 }), beat('c', { bpm: 160 })]
    expect(orderSimilar(target, candidates, 2).map((c) => c.id)).toEqual(['a', 'b'])
  })

  it('breaks exact ties by id, so the list is stable between page views', () => {
    const candidates = [beat('z', { bpm: 130 }), beat('m', { bpm: 150 })]
    expect(orderSimilar(target, candidates).map((c) => c.id)).toEqual(['m', 'z'])
  })
})

// "Similar beats": what to play after this one. Same producer first, then same genre, same mood,
// a key that mixes with this one, and the nearest tempo. Pure rules; the query that gathers the
// candidates is in models/beat/similar.server.ts.

export const SIMILAR_LIMIT = 6

const SHARPS = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'] as const
const FLATS = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'Gb', 'G', 'Ab', 'A', 'Bb', 'B'] as const
const NATURAL: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 }

type Mode = 'major' | 'minor'

/** A key as its place on the Camelot wheel: 1–12 and A (minor) or B (major). */
export interface CamelotKey {
  number: number
  letter: 'A' | 'B'
}

const mod12 = (n: number) => ((n % 12) + 12) % 12

/** Reads "F# minor", "Eb major", "Bbm", "c#"; null when it is not a key. */
export function parseKey(key: string): { pitch: number; mode: Mode } | null {
  const m = /^\s*([A-Ga-g])\s*([#♯b♭]?)\s*(major|minor|maj|min|m)?\s*$/.exec(key)
  if (!m) return null
  const accidental = m[2] === '#' || m[2] === '♯' ? 1 : m[2] === 'b' || m[2] === '♭' ? -1 : 0
  const pitch = mod12((NATURAL[(m[1] as string).toUpperCase()] as number) + accidental)
  const mode: Mode = m[3] && m[3].toLowerCase().startsWith('m') && m[3].toLowerCase() !== 'maj' && m[3].toLowerCase() !== 'major' ? 'minor' : 'major'
  return { pitch, mode }
}

/** A minor is 8A, C major is 8B; a step of a fifth up is one step round the wheel. */
export function toCamelot(key: string): CamelotKey | null {
  const parsed = parseKey(key)
  if (!parsed) return null
  const offset = parsed.mode === 'minor' ? 7 * (parsed.pitch - 9) + 7 : 7 * parsed.pitch + 7
  return { number: mod12(offset) + 1, letter: parsed.mode === 'minor' ? 'A' : 'B' }
}

function fromCamelot({ number, letter }: CamelotKey): { pitch: number; mode: Mode } {
  const steps = number - 1 - 7 // back from the offset used above (7 is its own inverse mod 12)
  return letter === 'A' ? { pitch: mod12(7 * steps + 9), mode: 'minor' } : { pitch: mod12(7 * steps), mode: 'major' }
}

/**
 * Keys that mix with `key` on the Camelot wheel: itself, its neighbours (a fifth up or down, same
 * mode) and its relative major or minor. Each is spelled every way the store writes keys (F# and
 * Gb), so the list can be matched against stored text. An unreadable key matches only itself.
 */
export function compatibleKeys(key: string): string[] {
  const c = toCamelot(key)
  if (!c) return [key]
  const wheel = (n: number) => mod12(n - 1) + 1
  const neighbours: CamelotKey[] = [
    c,
    { number: wheel(c.number - 1), letter: c.letter },
    { number: wheel(c.number + 1), letter: c.letter },
    { number: c.number, letter: c.letter === 'A' ? 'B' : 'A' },
  ]
  const names = new Set<string>()
  for (const n of neighbours) {
    const { pitch, mode } = fromCamelot(n)
    names.add(`${SHARPS[pitch]} ${mode}`)
    names.add(`${FLATS[pitch]} ${mode}`)
  }
  return [...names]
}

export interface SimilarTarget {
  id: string
  producerId: string
  genre: string
  mood: string
  musicalKey: string
  bpm: number
}

export type SimilarCandidate = SimilarTarget

/** Sort key, smaller first: same producer, genre, mood, compatible key (each 0 = yes), then BPM distance. */
function rank(target: SimilarTarget, keys: ReadonlySet<string>, c: SimilarCandidate): number[] {
  return [
    c.producerId === target.producerId ? 0 : 1,
    c.genre === target.genre ? 0 : 1,
    c.mood === target.mood ? 0 : 1,
    keys.has(c.musicalKey) ? 0 : 1,
    Math.abs(c.bpm - target.bpm),
  ]
}

/** Orders candidates by the rule above (ties by id, so the order is stable) and keeps `limit`. */
export function orderSimilar<C extends SimilarCandidate>(target: SimilarTarget, candidates: readonly C[], limit = SIMILAR_LIMIT): C[] {
  const keys = new Set(compatibleKeys(target.musicalKey))
  const seen = new Set<string>([target.id])
  const ranked = candidates
    .filter((c) => !seen.has(c.id) && seen.add(c.id))
    .map((c) => ({ c, r: rank(target, keys, c) }))
  ranked.sort((a, b) => {
    for (let i = 0; i < a.r.length; i++) if (a.r[i] !== b.r[i]) return (a.r[i] as number) - (b.r[i] as number)
    return a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0
  })
  return ranked.slice(0, limit).map((x) => x.c)
}

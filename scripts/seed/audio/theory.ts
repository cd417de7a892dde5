// Just enough music theory for the demo beats: keys, scales, diatonic chords, voicings.

const NOTE_INDEX: Record<string, number> = {
  C: 0, 'C#': 1, DB: 1, D: 2, 'D#': 3, EB: 3, E: 4, F: 5, 'F#': 6, GB: 6, G: 7, 'G#': 8, AB: 8, A: 9, 'A#': 10, BB: 10, B: 11,
}

export interface MusicalKey {
  /** Pitch class of the tonic, 0 = C. */
  tonic: number
  mode: 'major' | 'minor'
}

/** Parses "A minor", "F# major", "Bb minor", "Am"; falls back to A minor for anything else. */
export function parseKey(text: string): MusicalKey {
  const m = /^\s*([A-Ga-g])\s*([#b♯♭]?)\s*(major|minor|maj|min|m)?\s*$/i.exec(text)
  if (!m) return { tonic: 9, mode: 'minor' }
  const letter = (m[1] ?? 'A').toUpperCase()
  const accidental = m[2] === '#' || m[2] === '♯' ? '#' : m[2] === 'b' || m[2] === '♭' ? 'B' : ''
  const tonic = NOTE_INDEX[letter + accidental] ?? NOTE_INDEX[letter] ?? 9
  const q = (m[3] ?? 'major').toLowerCase()
  return { tonic, mode: q === 'minor' || q === 'min' || q === 'm' ? 'minor' : 'major' }
}

const MAJOR = [0, 2, 4, 5, 7, 9, 11]
const MINOR = [0, 2, 3, 5, 7, 8, 10]

function scaleOf(key: MusicalKey): readonly number[] {
  return key.mode === 'major' ? MAJOR : MINOR
}

/** MIDI note of a scale degree (0-based, may exceed 6 or go negative) above the tonic in an octave. */
export function degreeToMidi(key: MusicalKey, degree: number, octave: number): number {
  const scale = scaleOf(key)
  const oct = Math.floor(degree / 7)
  const idx = ((degree % 7) + 7) % 7
  return 12 * (octave + 1) + key.tonic + (scale[idx] ?? 0) + 12 * oct
}

export function midiToHz(midi: number): number {
  return 440 * Math.pow(2, (midi - 69) / 12)
}

/**
 * A diatonic chord on `degree` with `size` notes stacked in thirds (3 = triad, 4 = seventh,
 * 5 = ninth), each folded into one octave above `floor` so successive chords voice-lead closely.
 */
export function chordVoicing(key: MusicalKey, degree: number, size: number, floor: number): number[] {
  const notes: number[] = []
  for (let i = 0; i < size; i++) {
    let midi = degreeToMidi(key, degree + i * 2, 4)
    while (midi < floor) midi += 12
    while (midi >= floor + 12) midi -= 12
    notes.push(midi)
  }
  // A ninth folded down onto the root's neighbour sounds muddy: lift it an octave.
  return notes.sort((a, b) => a - b).map((n, i, all) => (i > 0 && n - (all[i - 1] ?? n) === 1 ? n + 12 : n))
}

/** Root of a diatonic chord in a bass register (MIDI around 28–47). */
export function bassRoot(key: MusicalKey, degree: number, floor = 31): number {
  let midi = degreeToMidi(key, degree, 1)
  while (midi < floor) midi += 12
  while (midi >= floor + 12) midi -= 12
  return midi
}

/** Progressions as scale degrees (0 = tonic); a few that suit each mode. */
export const PROGRESSIONS = {
  minor: [
    [0, 5, 2, 6],
    [0, 3, 5, 4],
    [0, 6, 5, 6],
    [0, 3, 4, 0],
    [5, 6, 0, 0],
    [0, 5, 3, 4],
    [3, 4, 0, 5],
  ],
  major: [
    [0, 4, 5, 3],
    [1, 4, 0, 5],
    [0, 5, 3, 4],
    [3, 4, 2, 5],
    [0, 2, 3, 4],
    [3, 0, 4, 5],
  ],
} as const satisfies Record<MusicalKey['mode'], readonly (readonly number[])[]>

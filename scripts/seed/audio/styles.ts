// How each genre is played: drum grid, sounds, bass and chord behaviour. Steps are 16ths (0–15).

type HatFeel = 'eighths' | 'sixteenths' | 'trap-rolls' | 'drill-triplets' | 'house-offbeat' | 'shaker'
type BassKind = '808' | '808-glide' | 'saw' | 'square' | 'sub'
type ChordKind = 'keys' | 'pad' | 'pluck' | 'organ' | 'piano'
type ChordRhythm = 'sustain' | 'stabs' | 'syncopated' | 'chops'
type MelodyKind = 'bell' | 'pluck' | 'keys' | 'piano' | 'none'

export interface Style {
  swing: number
  backbeat: 'clap' | 'snare' | 'snare+clap' | 'rim'
  kickPatterns: readonly (readonly number[])[]
  snareSteps: readonly (readonly number[])[]
  hats: readonly HatFeel[]
  bass: readonly BassKind[]
  /** When set, bass plays these steps instead of following the kick. */
  bassSteps?: readonly (readonly number[])[]
  chords: readonly ChordKind[]
  chordRhythm: readonly ChordRhythm[]
  chordSize: readonly (3 | 4 | 5)[]
  melody: readonly MelodyKind[]
  /** Melody notes per bar, roughly. */
  melodyDensity: number
  vinyl: boolean
  kickTone: { startHz: number; endHz: number; decay: number; drive: number }
}

const TRAP: Style = {
  swing: 0,
  backbeat: 'clap',
  kickPatterns: [[0, 10], [0, 7, 10], [0, 3, 10, 11], [0, 6, 11, 14], [0, 11]],
  snareSteps: [[8]],
  hats: ['trap-rolls', 'sixteenths'],
  bass: ['808', '808-glide'],
  chords: ['pad', 'keys', 'pluck'],
  chordRhythm: ['sustain'],
  chordSize: [3, 4],
  melody: ['bell', 'pluck'],
  melodyDensity: 5,
  vinyl: false,
  kickTone: { startHz: 170, endHz: 50, decay: 0.16, drive: 2.5 },
}

const STYLES: Record<string, Style> = {
  trap: TRAP,
  drill: {
    ...TRAP,
    kickPatterns: [[0, 10], [0, 3, 9], [0, 13], [0, 6, 9]],
    snareSteps: [[8], [8, 13], [8, 15]],
    hats: ['drill-triplets'],
    bass: ['808-glide'],
    chords: ['pad', 'piano'],
    melody: ['bell', 'piano'],
    melodyDensity: 4,
    backbeat: 'snare',
    kickTone: { startHz: 150, endHz: 48, decay: 0.14, drive: 3 },
  },
  'boom bap': {
    swing: 0.18,
    backbeat: 'snare',
    kickPatterns: [[0, 7, 10], [0, 3, 10], [0, 8, 10], [0, 2, 7, 10]],
    snareSteps: [[4, 12]],
    hats: ['eighths'],
    bass: ['sub', 'saw'],
    chords: ['piano', 'keys'],
    chordRhythm: ['chops', 'sustain'],
    chordSize: [3, 4],
    melody: ['none', 'piano'],
    melodyDensity: 3,
    vinyl: true,
    kickTone: { startHz: 120, endHz: 55, decay: 0.12, drive: 2 },
  },
  'lo-fi': {
    swing: 0.22,
    backbeat: 'rim',
    kickPatterns: [[0, 10], [0, 7, 9], [0, 9, 11]],
    snareSteps: [[4, 12]],
    hats: ['eighths', 'shaker'],
    bass: ['sub'],
    chords: ['keys'],
    chordRhythm: ['sustain', 'chops'],
    chordSize: [4, 5],
    melody: ['none', 'keys', 'bell'],
    melodyDensity: 2,
    vinyl: true,
    kickTone: { startHz: 110, endHz: 52, decay: 0.1, drive: 1.2 },
  },
  'r&b': {
    swing: 0.08,
    backbeat: 'snare+clap',
    kickPatterns: [[0, 7, 10], [0, 3, 8, 11], [0, 10]],
    snareSteps: [[4, 12]],
    hats: ['sixteenths', 'eighths'],
    bass: ['808', 'sub'],
    chords: ['keys', 'pad'],
    chordRhythm: ['sustain'],
    chordSize: [4, 5],
    melody: ['keys', 'bell'],
    melodyDensity: 3,
    vinyl: false,
    kickTone: { startHz: 140, endHz: 50, decay: 0.14, drive: 1.8 },
  },
  afrobeats: {
    swing: 0.06,
    backbeat: 'rim',
    kickPatterns: [[0, 6, 8, 14], [0, 3, 8, 11], [0, 7, 8, 12]],
    snareSteps: [[3, 6, 10, 14], [4, 12]],
    hats: ['shaker'],
    bass: ['square', 'sub'],
    bassSteps: [[0, 3, 6, 10, 12], [0, 3, 8, 11, 14], [0, 6, 8, 11]],
    chords: ['pluck', 'keys'],
    chordRhythm: ['syncopated'],
    chordSize: [3, 4],
    melody: ['pluck', 'bell'],
    melodyDensity: 5,
    vinyl: false,
    kickTone: { startHz: 130, endHz: 55, decay: 0.1, drive: 1.6 },
  },
  house: {
    swing: 0.04,
    backbeat: 'clap',
    kickPatterns: [[0, 4, 8, 12]],
    snareSteps: [[4, 12]],
    hats: ['house-offbeat'],
    bass: ['saw', 'square'],
    bassSteps: [[2, 6, 10, 14], [2, 3, 6, 10, 14], [2, 6, 10, 11, 14]],
    chords: ['organ', 'pad'],
    chordRhythm: ['stabs'],
    chordSize: [4, 3],
    melody: ['none', 'pluck'],
    melodyDensity: 4,
    vinyl: false,
    kickTone: { startHz: 160, endHz: 52, decay: 0.11, drive: 2 },
  },
}

/** The style for a genre name ("Boom Bap", "R&B", "Lo-Fi"…); unknown genres get trap. */
export function styleFor(genre: string): Style {
  const norm = genre.trim().toLowerCase().replace(/[-_]+/g, '-').replace(/\s+/g, ' ')
  const aliases: Record<string, string> = { 'boom-bap': 'boom bap', boombap: 'boom bap', lofi: 'lo-fi', 'lo fi': 'lo-fi', rnb: 'r&b', 'r and b': 'r&b', afrobeat: 'afrobeats', 'uk drill': 'drill' }
  return STYLES[aliases[norm] ?? norm] ?? TRAP
}

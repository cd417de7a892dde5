import { mixMono, mixStereo, SAMPLE_RATE, stereo, type StereoBuffer } from './dsp'
import * as inst from './instruments'
import { createRng, type Rng } from './prng'
import { styleFor, type Style } from './styles'
import { bassRoot, chordVoicing, degreeToMidi, midiToHz, parseKey, PROGRESSIONS, type MusicalKey } from './theory'

// Turns a beat's metadata into a short arranged track: drums, bass, chords and (often) a melody,
// each on its own stereo stem so the stems zip and the mix come from one render.

export interface BeatSpec {
  /** Any string; the same seed always renders the same audio. */
  seed: string
  bpm: number
  musicalKey: string
  genre: string
  mood: string
  /** Roughly how long the full track should be; rounded to whole 4-bar phrases. */
  targetSeconds?: number
}

export interface RenderedBeat {
  sampleRate: number
  bpm: number
  bars: number
  barSeconds: number
  /** Stem name → audio, all the same length; their sum is `mix`. */
  stems: Record<string, StereoBuffer>
  mix: StereoBuffer
  key: MusicalKey
}

const DARK_MOODS = /dark|sinister|aggressive|moody|sad|menac|cold|eerie|hard/i
const SOFT_MOODS = /chill|mellow|dreamy|relax|smooth|calm|nostalg|warm|sad|romantic/i

export function renderBeat(spec: BeatSpec): RenderedBeat {
  const rng = createRng(`${spec.seed}|${spec.genre}|${spec.bpm}|${spec.musicalKey}`)
  const style = styleFor(spec.genre)
  const key = parseKey(spec.musicalKey)
  const bpm = Math.min(200, Math.max(50, spec.bpm))
  const barSeconds = (60 / bpm) * 4
  const step = barSeconds / 16
  const bars = Math.min(48, Math.max(1, Math.round((spec.targetSeconds ?? 40) / barSeconds / 2) * 2))
  const tail = 1.5
  const length = Math.ceil((bars * barSeconds + tail) * SAMPLE_RATE)
  const dark = DARK_MOODS.test(spec.mood)
  const soft = SOFT_MOODS.test(spec.mood)
  const brightness = dark ? 0.25 : soft ? 0.45 : 0.75

  const drums = stereo(length)
  const bass = stereo(length)
  const chords = stereo(length)
  const melody = stereo(length)

  // Where a 16th step lands, with swing on the off-16ths and a hair of human timing.
  const at = (bar: number, s: number) => {
    const swung = Math.floor(s) % 2 === 1 ? s + style.swing : s
    return Math.round((bar * barSeconds + swung * step + rng.range(-0.002, 0.002)) * SAMPLE_RATE)
  }

  const progression: readonly number[] = rng.pick<readonly number[]>(PROGRESSIONS[key.mode])
  const chordOf = (bar: number) => progression[bar % progression.length] ?? 0
  // An intro of two bars per eight, at most four: a short demo track gets to the drums quickly.
  const intro = Math.min(4, Math.floor(bars / 8) * 2)
  // Drums and bass rest for the last two beats of every eighth bar: the classic producer drop.
  const dropout = (bar: number, s: number) => bar % 8 === 7 && s >= 8

  renderDrums(drums, style, rng, { bars, intro, brightness, soft, at, dropout, step })
  renderBass(bass, style, rng, key, { bars, intro, at, step, dropout, chordOf, dark })
  renderChords(chords, style, rng, key, { bars, at, step, barSeconds, chordOf, brightness, dark })
  const melodyKind = rng.pick(style.melody)
  if (melodyKind !== 'none') renderMelody(melody, style, rng, key, melodyKind, { bars, at, step, brightness })
  if (style.vinyl) mixMono(chords, inst.vinyl(length / SAMPLE_RATE, rng), 0, 0.5, 0)

  const stems: Record<string, StereoBuffer> = { drums, bass, chords }
  if (melodyKind !== 'none') stems.melody = melody
  const mix = stereo(length)
  for (const s of Object.values(stems)) mixStereo(mix, s, 0, 1)
  // One gain for everything keeps the stems summing exactly to the mix.
  let peak = 1e-6
  for (let i = 0; i < length; i++) peak = Math.max(peak, Math.abs(mix.left[i] as number), Math.abs(mix.right[i] as number))
  const gain = 0.89 / peak
  for (const buf of [mix, ...Object.values(stems)]) {
    for (let i = 0; i < length; i++) {
      buf.left[i] = (buf.left[i] as number) * gain
      buf.right[i] = (buf.right[i] as number) * gain
    }
  }
  return { sampleRate: SAMPLE_RATE, bpm, bars, barSeconds, stems, mix, key }
}

type At = (bar: number, step: number) => number

function renderDrums(
  out: StereoBuffer,
  style: Style,
  rng: Rng,
  o: { bars: number; intro: number; brightness: number; soft: boolean; at: At; dropout: (b: number, s: number) => boolean; step: number },
) {
  const k = style.kickTone
  const kick = inst.kick({ ...k, startHz: k.startHz * rng.range(0.9, 1.1), pitchDecay: rng.range(0.025, 0.045), click: o.soft ? 0.1 : 0.35 }, rng)
  const snare = inst.snare({ toneHz: rng.range(170, 230), toneDecay: 0.06, noiseDecay: rng.range(0.09, 0.17), brightness: o.brightness }, rng)
  const clap = inst.clap({ decay: rng.range(0.07, 0.14), tone: o.brightness }, rng)
  const rim = inst.rim(rng)
  const closed = inst.hat({ decay: rng.range(0.025, 0.045), brightness: o.brightness }, rng)
  const open = inst.hat({ decay: 0.22, brightness: o.brightness }, rng)
  const shaker = inst.shaker(rng)
  const kickPattern = rng.pick(style.kickPatterns)
  const altKick = rng.pick(style.kickPatterns)
  const snareSteps = rng.pick(style.snareSteps)
  const hats = rng.pick(style.hats)
  const hatPan = rng.range(-0.35, 0.35)
  const kickGain = o.soft ? 0.75 : 0.95

  for (let bar = 0; bar < o.bars; bar++) {
    const full = bar >= o.intro
    // Hats creep in during the second half of the intro.
    if (bar >= o.intro / 2 || full) renderHats(out, hats, rng, bar, o, { closed, open, shaker, pan: hatPan, quiet: !full })
    if (!full) continue
    const pattern = bar % 4 === 3 ? altKick : kickPattern
    for (const s of pattern) if (!o.dropout(bar, s)) mixMono(out, kick, o.at(bar, s), kickGain, 0)
    for (const s of snareSteps) {
      if (o.dropout(bar, s)) continue
      const t = o.at(bar, s)
      if (style.backbeat === 'clap') mixMono(out, clap, t, 0.55, 0.05)
      else if (style.backbeat === 'rim') mixMono(out, rim, t, 0.35, 0.15)
      else if (style.backbeat === 'snare') mixMono(out, snare, t, 0.55, 0)
      else {
        mixMono(out, snare, t, 0.4, -0.05)
        mixMono(out, clap, t, 0.35, 0.05)
      }
    }
    // A ghost snare now and then keeps loops from feeling copy-pasted.
    if (rng.chance(0.3)) mixMono(out, style.backbeat === 'rim' ? rim : snare, o.at(bar, rng.pick([7, 9, 14, 15])), 0.15, 0.1)
  }
}

function renderHats(
  out: StereoBuffer,
  feel: string,
  rng: Rng,
  bar: number,
  o: { at: At; step: number },
  s: { closed: Float32Array; open: Float32Array; shaker: Float32Array; pan: number; quiet: boolean },
) {
  const g = s.quiet ? 0.5 : 1
  const hit = (pos: number, gain: number, sample = s.closed) => mixMono(out, sample, o.at(bar, pos), gain * g, s.pan)
  switch (feel) {
    case 'eighths':
      for (let i = 0; i < 16; i += 2) hit(i, i % 4 === 0 ? 0.3 : 0.22)
      break
    case 'sixteenths':
      for (let i = 0; i < 16; i++) hit(i, i % 2 === 0 ? 0.26 : 0.14)
      break
    case 'trap-rolls':
      for (let i = 0; i < 16; i += 2) hit(i, 0.26)
      // One roll per bar or two: 32nds or triplets into the next beat.
      if (rng.chance(0.7)) {
        const start = rng.pick([6, 12, 14])
        const div = rng.pick([2, 3, 4])
        for (let j = 0; j < div * 2; j++) hit(start + j / div, 0.12 + 0.1 * (j / (div * 2)))
      }
      break
    case 'drill-triplets':
      for (let i = 0; i < 12; i++) if (i % 3 !== 1 || rng.chance(0.5)) hit((i * 16) / 12, i % 3 === 0 ? 0.26 : 0.16)
      break
    case 'house-offbeat':
      for (let i = 2; i < 16; i += 4) hit(i, 0.22, s.open)
      for (let i = 0; i < 16; i++) hit(i, 0.07)
      break
    default:
      for (let i = 0; i < 16; i++) hit(i, i % 4 === 2 ? 0.5 : i % 2 === 0 ? 0.3 : 0.2, s.shaker)
  }
}

function renderBass(
  out: StereoBuffer,
  style: Style,
  rng: Rng,
  key: MusicalKey,
  o: { bars: number; intro: number; at: At; step: number; dropout: (b: number, s: number) => boolean; chordOf: (b: number) => number; dark: boolean },
) {
  const kind = rng.pick(style.bass)
  const steps = style.bassSteps ? rng.pick(style.bassSteps) : rng.pick(style.kickPatterns)
  const floor = kind.startsWith('808') ? 28 : 31
  for (let bar = o.intro; bar < o.bars; bar++) {
    const root = bassRoot(key, o.chordOf(bar), floor)
    const active = steps.filter((s) => !o.dropout(bar, s))
    active.forEach((s, i) => {
      const next = active[i + 1] ?? 16
      const len = Math.max(1, next - s) * o.step
      // Octave jumps and fifths on the later hits make the line move.
      const note = i > 0 && rng.chance(0.25) ? root + rng.pick([12, 7, -5 + 12]) : root
      const hz = midiToHz(note)
      let sig: Float32Array
      if (kind === '808' || kind === '808-glide') {
        const glide = kind === '808-glide' && i === active.length - 1 && rng.chance(0.5) ? midiToHz(bassRoot(key, o.chordOf(bar + 1), floor)) : undefined
        sig = inst.bass808(hz, Math.min(len, 1.6), { drive: o.dark ? 2.2 : 1.6, glideToHz: glide, decay: rng.range(0.6, 1.2) })
      } else if (kind === 'sub') sig = inst.synthBass(hz, Math.min(len * 0.95, 1.2), { wave: 'sine', cutoff: 0, pluck: 0 })
      else sig = inst.synthBass(hz, Math.min(len * 0.9, 0.6), { wave: kind, cutoff: o.dark ? 320 : 520, pluck: 2.5 })
      mixMono(out, sig, o.at(bar, s), kind.startsWith('808') ? 0.75 : 0.6, 0)
    })
  }
}

function renderChords(
  out: StereoBuffer,
  style: Style,
  rng: Rng,
  key: MusicalKey,
  o: { bars: number; at: At; step: number; barSeconds: number; chordOf: (b: number) => number; brightness: number; dark: boolean },
) {
  const kind = rng.pick(style.chords)
  const rhythm = rng.pick(style.chordRhythm)
  const size = rng.pick(style.chordSize)
  const floor = rng.int(52, 57)
  const hits: [number, number][] =
    rhythm === 'sustain' ? [[0, 16]] : rhythm === 'chops' ? [[0, 6], [6, 4], [10, 6]] : rhythm === 'stabs' ? [[2, 1.5], [6, 1.5], [10, 1.5], [13, 2]] : [[0, 2], [3, 2], [6, 2], [8, 2], [11, 2], [14, 2]]
  for (let bar = 0; bar < o.bars; bar++) {
    const hzs = chordVoicing(key, o.chordOf(bar), size, floor).map(midiToHz)
    for (const [s, len] of hits) {
      const secs = len * o.step
      const t = o.at(bar, s)
      if (kind === 'pad') mixStereo(out, inst.pad(hzs, secs, { cutoff: o.dark ? 900 : 1600, attack: 0.25 }), t, 0.55)
      else if (kind === 'keys') mixMono(out, inst.electricPiano(hzs, secs, { brightness: o.brightness, tremolo: style.vinyl ? 0.25 : 0.08 }), t, 0.5, -0.1)
      else if (kind === 'piano') mixMono(out, inst.piano(hzs, secs), t, 0.5, -0.05)
      else if (kind === 'organ') mixMono(out, inst.organStab(hzs, secs), t, 0.45, 0)
      else {
        // Strummed: each string a few ms after the last, alternating sides.
        hzs.forEach((hz, i) => mixMono(out, inst.pluck(hz, secs + 0.3, { damping: 0.996, brightness: o.brightness }, rng), t + i * 260, 0.3, i % 2 ? 0.3 : -0.3))
      }
    }
  }
}

function renderMelody(
  out: StereoBuffer,
  style: Style,
  rng: Rng,
  key: MusicalKey,
  kind: string,
  o: { bars: number; at: At; step: number; brightness: number },
) {
  // A two-bar motif on a pentatonic-leaning set of degrees, answered with a variation.
  const degrees = key.mode === 'minor' ? [0, 2, 3, 4, 6, 7] : [0, 1, 2, 4, 5, 7]
  const count = Math.max(2, Math.round(style.melodyDensity * rng.range(0.7, 1.3)))
  const motif: { step: number; degree: number; len: number }[] = []
  const used = new Set<number>()
  for (let i = 0; i < count * 2; i++) {
    let s = rng.int(0, 31)
    if (rng.chance(0.6)) s -= s % 2
    if (used.has(s)) continue
    used.add(s)
    motif.push({ step: s, degree: rng.pick(degrees), len: rng.pick([1, 2, 2, 3, 4]) })
  }
  motif.sort((a, b) => a.step - b.step)
  const octave = kind === 'bell' ? 5 : 4
  const pan = rng.range(-0.3, 0.3)
  const delay = Math.round(o.step * 3 * 44_100)
  const dry = new Float32Array(out.left.length)
  // After two bars of groove, unless the track is too short to wait.
  const startBar = o.bars > 4 ? 2 : 0
  for (let bar = startBar; bar < o.bars; bar += 2) {
    const vary = (bar / 2) % 2 === 1
    for (const n of motif) {
      const degree = vary && n.step >= 24 ? n.degree + rng.pick([-1, 1, 2]) : n.degree
      const hz = midiToHz(degreeToMidi(key, degree, octave))
      const secs = n.len * o.step + 0.15
      const sig =
        kind === 'bell'
          ? inst.bell(hz, Math.max(0.5, secs * 2), { ratio: 3.5, index: 1.2 + o.brightness })
          : kind === 'pluck'
            ? inst.pluck(hz, Math.max(0.4, secs * 2), { damping: 0.995, brightness: o.brightness }, rng)
            : kind === 'piano'
              ? inst.piano([hz], secs)
              : inst.electricPiano([hz], secs, { brightness: o.brightness, tremolo: 0.1 })
      const start = o.at(bar + Math.floor(n.step / 16), n.step % 16)
      for (let i = 0; i < sig.length && start + i < dry.length; i++) if (start + i >= 0) dry[start + i] = (dry[start + i] as number) + (sig[i] as number)
    }
  }
  // A dotted-eighth ping-pong echo gives the melody space without a costly reverb.
  for (let i = 0; i < dry.length; i++) {
    const d = dry[i] as number
    const echoL = i >= delay ? (out.right[i - delay] as number) * 0.35 : 0
    const echoR = i >= delay ? ((dry[i - delay] as number) * 0.3 + (out.left[i - delay] as number) * 0.35) : 0
    out.left[i] = d * 0.28 * (1 - pan) + echoL
    out.right[i] = d * 0.28 * (1 + pan) * 0.8 + echoR * 0.6
  }
}

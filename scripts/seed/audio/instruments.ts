import { declick, highPassInPlace, lowPassInPlace, SAMPLE_RATE, seconds, svfLowPassInPlace } from './dsp'
import type { Rng } from './prng'

// Synthesised instruments. Each returns a mono (or stereo) one-shot; the arranger places them.

const TAU = Math.PI * 2
const SR = SAMPLE_RATE

export interface KickParams {
  startHz: number
  endHz: number
  pitchDecay: number
  decay: number
  click: number
  drive: number
}

export function kick(p: KickParams, rng: Rng): Float32Array {
  const out = new Float32Array(seconds(p.decay * 5))
  let phase = 0
  for (let i = 0; i < out.length; i++) {
    const t = i / SR
    const hz = p.endHz + (p.startHz - p.endHz) * Math.exp(-t / p.pitchDecay)
    phase += (TAU * hz) / SR
    const body = Math.sin(phase) * Math.exp(-t / p.decay)
    const click = t < 0.004 ? (rng.next() * 2 - 1) * p.click * (1 - t / 0.004) : 0
    out[i] = Math.tanh((body + click) * p.drive) / Math.tanh(p.drive)
  }
  declick(out, 0.0005, 0.02)
  return out
}

export function snare(p: { toneHz: number; toneDecay: number; noiseDecay: number; brightness: number }, rng: Rng) {
  const out = new Float32Array(seconds(p.noiseDecay * 5))
  const noise = new Float32Array(out.length)
  for (let i = 0; i < noise.length; i++) noise[i] = rng.next() * 2 - 1
  highPassInPlace(noise, 900 + 2500 * p.brightness)
  lowPassInPlace(noise, 7000 + 5000 * p.brightness)
  let phase = 0
  for (let i = 0; i < out.length; i++) {
    const t = i / SR
    phase += (TAU * p.toneHz * (1 + 0.25 * Math.exp(-t / 0.01))) / SR
    const tone = Math.sin(phase) * Math.exp(-t / p.toneDecay) * 0.7
    out[i] = tone + (noise[i] as number) * Math.exp(-t / p.noiseDecay) * 1.4
  }
  declick(out, 0.0005, 0.02)
  return out
}

export function clap(p: { decay: number; tone: number }, rng: Rng) {
  const out = new Float32Array(seconds(0.03 + p.decay * 5))
  for (let i = 0; i < out.length; i++) {
    const t = i / SR
    // Three quick hands, then the room.
    const burst = t < 0.03 ? Math.exp(-((t % 0.01) / 0.003)) : 0
    const tail = t >= 0.02 ? Math.exp(-(t - 0.02) / p.decay) : 0
    out[i] = (rng.next() * 2 - 1) * Math.max(burst, tail)
  }
  highPassInPlace(out, 700 + p.tone * 600)
  highPassInPlace(out, 700 + p.tone * 600)
  lowPassInPlace(out, 6000)
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * 2.4
  declick(out, 0.0005, 0.02)
  return out
}

export function rim(rng: Rng) {
  const out = new Float32Array(seconds(0.12))
  for (let i = 0; i < out.length; i++) {
    const t = i / SR
    const env = Math.exp(-t / 0.018)
    out[i] = (Math.sin(TAU * 820 * t) * 0.8 + Math.sin(TAU * 1690 * t) * 0.5 + (rng.next() * 2 - 1) * 0.3) * env
  }
  declick(out, 0.0003, 0.01)
  return out
}

export function hat(p: { decay: number; brightness: number }, rng: Rng) {
  const out = new Float32Array(seconds(p.decay * 6))
  for (let i = 0; i < out.length; i++) out[i] = rng.next() * 2 - 1
  highPassInPlace(out, 6000 + 3000 * p.brightness)
  highPassInPlace(out, 6000 + 3000 * p.brightness)
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * Math.exp(-i / SR / p.decay) * 2.2
  declick(out, 0.0003, 0.01)
  return out
}

export function shaker(rng: Rng) {
  const out = new Float32Array(seconds(0.12))
  for (let i = 0; i < out.length; i++) {
    const t = i / SR
    const env = t < 0.012 ? t / 0.012 : Math.exp(-(t - 0.012) / 0.03)
    out[i] = (rng.next() * 2 - 1) * env
  }
  highPassInPlace(out, 4500)
  lowPassInPlace(out, 11000)
  declick(out, 0.0003, 0.01)
  return out
}

/** An 808: a sine with a thump, a long tail, optional glide into the next note, soft saturation. */
export function bass808(hz: number, length: number, p: { drive: number; glideToHz?: number; decay: number }) {
  const out = new Float32Array(seconds(length + 0.05))
  const glideStart = out.length - seconds(Math.min(0.09, length / 3))
  let phase = 0
  for (let i = 0; i < out.length; i++) {
    const t = i / SR
    let f = hz * (1 + 0.6 * Math.exp(-t / 0.012))
    if (p.glideToHz && i > glideStart) f = hz + (p.glideToHz - hz) * ((i - glideStart) / (out.length - glideStart))
    phase += (TAU * f) / SR
    const env = Math.exp(-t / p.decay)
    out[i] = Math.tanh(Math.sin(phase) * env * p.drive) / Math.tanh(p.drive)
  }
  declick(out, 0.001, 0.04)
  return out
}

/** A filtered saw or square bass with a plucky filter envelope. */
export function synthBass(hz: number, length: number, p: { wave: 'saw' | 'square' | 'sine'; cutoff: number; pluck: number }) {
  const out = new Float32Array(seconds(length))
  let phase = 0
  for (let i = 0; i < out.length; i++) {
    phase = (phase + hz / SR) % 1
    const s = p.wave === 'saw' ? 2 * phase - 1 : p.wave === 'square' ? (phase < 0.5 ? 1 : -1) : Math.sin(TAU * phase)
    out[i] = s * 0.6 + Math.sin(TAU * phase) * 0.5
  }
  if (p.wave !== 'sine') svfLowPassInPlace(out, (i) => p.cutoff * (1 + p.pluck * Math.exp(-i / SR / 0.08)), 1.1)
  const release = Math.min(out.length, seconds(0.05))
  for (let i = 0; i < out.length; i++) {
    const t = i / SR
    const env = Math.min(1, t / 0.004) * (0.75 + 0.25 * Math.exp(-t / 0.15)) * Math.min(1, (out.length - i) / release)
    out[i] = (out[i] as number) * env
  }
  return out
}

/** FM electric piano: a bell-ish attack that mellows; `tremolo` adds the lo-fi wobble. */
export function electricPiano(hzs: number[], length: number, p: { brightness: number; tremolo: number }) {
  const out = new Float32Array(seconds(length + 0.6))
  const held = seconds(length)
  const kMod = Math.exp(-1 / (SR * 0.25))
  const kAmp = Math.exp(-1 / (SR * 1.6))
  const kRel = Math.exp(-1 / (SR * 0.12))
  const attack = seconds(0.003)
  for (const hz of hzs) {
    const w = (TAU * hz) / SR
    let mod = p.brightness * 2.2
    let amp = 0.32
    for (let i = 0; i < out.length; i++) {
      mod *= kMod
      amp *= i < held ? kAmp : kAmp * kRel
      const ph = w * i
      const a = i < attack ? amp * (i / attack) : amp
      out[i] = (out[i] as number) + Math.sin(ph + (mod + 0.3) * Math.sin(ph)) * a
    }
  }
  if (p.tremolo > 0) {
    const wt = (TAU * 4.5) / SR
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * (1 - p.tremolo * 0.5 * (1 + Math.sin(wt * i)))
  }
  declick(out, 0.001, 0.02)
  return out
}

/** Detuned saw pad, darker and slower; stereo from different detune per side. */
export function pad(hzs: number[], length: number, p: { cutoff: number; attack: number }) {
  const left = new Float32Array(seconds(length + 0.4))
  const right = new Float32Array(left.length)
  for (const hz of hzs) {
    for (const [buf, det] of [
      [left, 0.996],
      [right, 1.004],
    ] as const) {
      let a = 0
      let b = 0.37
      for (let i = 0; i < buf.length; i++) {
        a = (a + hz / SR) % 1
        b = (b + (hz * det) / SR) % 1
        buf[i] = (buf[i] as number) + (a + b - 1) * 0.22
      }
    }
  }
  for (const buf of [left, right]) {
    svfLowPassInPlace(buf, p.cutoff, 0.8)
    for (let i = 0; i < buf.length; i++) {
      const t = i / SR
      const held = t < length ? 1 : Math.exp(-(t - length) / 0.15)
      buf[i] = (buf[i] as number) * Math.min(1, t / p.attack) * held
    }
    declick(buf, 0.002, 0.03)
  }
  return { left, right }
}

/** Karplus-Strong plucked string: cheap and very musical (afrobeats guitars, trap plucks). */
export function pluck(hz: number, length: number, p: { damping: number; brightness: number }, rng: Rng) {
  const out = new Float32Array(seconds(length))
  const period = Math.max(2, Math.round(SR / hz))
  const ring = new Float32Array(period)
  for (let i = 0; i < period; i++) ring[i] = (rng.next() * 2 - 1) * (0.5 + 0.5 * p.brightness)
  // Pre-soften the excitation for a rounder tone.
  for (let k = 0; k < 2 - Math.round(p.brightness); k++)
    for (let i = 1; i < period; i++) ring[i] = ((ring[i] as number) + (ring[i - 1] as number)) / 2
  let idx = 0
  for (let i = 0; i < out.length; i++) {
    const cur = ring[idx] as number
    const nxt = ring[(idx + 1) % period] as number
    ring[idx] = (cur + nxt) * 0.5 * p.damping
    out[i] = cur
    idx = (idx + 1) % period
  }
  declick(out, 0.0005, 0.03)
  return out
}

/** Drawbar-organ style stab (house chords). */
export function organStab(hzs: number[], length: number) {
  const out = new Float32Array(seconds(length + 0.05))
  for (const hz of hzs) {
    for (let i = 0; i < out.length; i++) {
      const t = i / SR
      const w = TAU * hz * t
      const env = Math.min(1, t / 0.002) * Math.exp(-t / (length * 0.6))
      out[i] = (out[i] as number) + (Math.sin(w) + 0.5 * Math.sin(2 * w) + 0.3 * Math.sin(3 * w) + 0.15 * Math.sin(4 * w)) * env * 0.2
    }
  }
  declick(out, 0.001, 0.02)
  return out
}

/** Additive piano-ish tone with faster-decaying upper partials (boom bap loops). */
export function piano(hzs: number[], length: number) {
  const out = new Float32Array(seconds(length + 0.3))
  const held = seconds(length)
  const kRel = Math.exp(-1 / (SR * 0.08))
  const partials = [
    [1, 1, 1.2],
    [2.002, 0.45, 0.6],
    [3.004, 0.2, 0.3],
    [5.0, 0.1, 0.12],
  ] as const
  for (const hz of hzs) {
    for (const [ratio, level, decay] of partials) {
      const w = (TAU * hz * ratio) / SR
      if (hz * ratio > SR / 2.2) continue
      const k = Math.exp(-1 / (SR * decay))
      let amp = level * 0.28
      for (let i = 0; i < out.length; i++) {
        amp *= i < held ? k : k * kRel
        out[i] = (out[i] as number) + Math.sin(w * i) * amp
      }
    }
  }
  declick(out, 0.002, 0.02)
  return out
}

/** FM bell (inharmonic ratio): melodies and the producer tag. */
export function bell(hz: number, length: number, p: { ratio: number; index: number }) {
  const out = new Float32Array(seconds(length))
  for (let i = 0; i < out.length; i++) {
    const t = i / SR
    const mod = Math.sin(TAU * hz * p.ratio * t) * p.index * Math.exp(-t / 0.4)
    out[i] = Math.sin(TAU * hz * t + mod) * Math.min(1, t / 0.002) * Math.exp(-t / (length / 3))
  }
  declick(out, 0.0005, 0.05)
  return out
}

/** Vinyl hiss and crackle for the dusty genres. */
export function vinyl(length: number, rng: Rng) {
  const out = new Float32Array(seconds(length))
  let lp = 0
  for (let i = 0; i < out.length; i++) {
    lp += 0.05 * (rng.next() * 2 - 1 - lp)
    const crackle = rng.next() < 0.0004 ? (rng.next() * 2 - 1) * 0.9 : 0
    out[i] = lp * 0.12 + crackle
  }
  highPassInPlace(out, 300)
  return out
}

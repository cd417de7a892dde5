import type { StereoBuffer } from './dsp'

// A stand-in voice tag that needs no speech synthesiser: two rising chirps (600 Hz → 2.4 kHz),
// like a spoken "beat-stall", easy to hear and easy to find again by cross-correlation.

export function chirpTag(sampleRate: number, seconds = 1.2): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate))
  const half = out.length / 2
  for (let i = 0; i < out.length; i++) {
    const local = (i % half) / sampleRate
    const span = half / sampleRate
    // Phase of a linear sweep f0 → f1 over `span` seconds.
    const f0 = i < half ? 600 : 800
    const f1 = i < half ? 2000 : 2400
    const phase = 2 * Math.PI * (f0 * local + ((f1 - f0) / (2 * span)) * local * local)
    const envelope = Math.sin((Math.PI * (i % half)) / half) ** 0.5
    out[i] = 0.8 * envelope * Math.sin(phase)
  }
  return out
}

export function monoAsStereo(signal: Float32Array): StereoBuffer {
  return { left: signal, right: signal.slice() }
}

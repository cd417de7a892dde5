// Decoded audio as the preview renderer handles it: one Float32Array per channel, samples in -1…1.

export interface Pcm {
  sampleRate: number
  channels: Float32Array[]
}

export function frameCount(pcm: Pcm): number {
  return pcm.channels[0]?.length ?? 0
}

export function durationSeconds(pcm: Pcm): number {
  return frameCount(pcm) / pcm.sampleRate
}

/** The average of all channels (a voice tag is mixed in as mono, the same into every channel). */
export function toMono(pcm: Pcm): Float32Array {
  const [first, ...rest] = pcm.channels
  if (!first) return new Float32Array()
  if (rest.length === 0) return first
  const out = new Float32Array(first.length)
  const n = pcm.channels.length
  for (const ch of pcm.channels) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (ch[i] ?? 0) / n
  return out
}

/** Linear-interpolation resampling: enough for a spoken tag laid over a beat. */
export function resample(signal: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return signal
  const out = new Float32Array(Math.max(1, Math.round((signal.length * to) / from)))
  const step = from / to
  for (let i = 0; i < out.length; i++) {
    const pos = i * step
    const j = Math.floor(pos)
    const frac = pos - j
    out[i] = (signal[j] ?? 0) * (1 - frac) + (signal[j + 1] ?? signal[j] ?? 0) * frac
  }
  return out
}

export function peak(signal: Float32Array): number {
  let max = 0
  for (let i = 0; i < signal.length; i++) {
    const a = Math.abs(signal[i] as number)
    if (a > max) max = a
  }
  return max
}

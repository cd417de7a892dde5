// Sample-level building blocks: stereo buffers, mixing with pan, simple filters.

export const SAMPLE_RATE = 44_100

export interface StereoBuffer {
  left: Float32Array
  right: Float32Array
}

export function stereo(length: number): StereoBuffer {
  return { left: new Float32Array(length), right: new Float32Array(length) }
}

/** Adds a mono signal at `start` with equal-power pan (-1 left … 1 right). */
export function mixMono(into: StereoBuffer, signal: Float32Array, start: number, gain: number, pan = 0) {
  const angle = ((pan + 1) * Math.PI) / 4
  const gl = Math.cos(angle) * gain * Math.SQRT2
  const gr = Math.sin(angle) * gain * Math.SQRT2
  const from = Math.max(0, start)
  const to = Math.min(into.left.length, start + signal.length)
  for (let i = from; i < to; i++) {
    const s = signal[i - start] as number
    into.left[i] = (into.left[i] as number) + s * gl
    into.right[i] = (into.right[i] as number) + s * gr
  }
}

export function mixStereo(into: StereoBuffer, signal: StereoBuffer, start: number, gain: number) {
  const from = Math.max(0, start)
  const to = Math.min(into.left.length, start + signal.left.length)
  for (let i = from; i < to; i++) {
    into.left[i] = (into.left[i] as number) + (signal.left[i - start] as number) * gain
    into.right[i] = (into.right[i] as number) + (signal.right[i - start] as number) * gain
  }
}

/** Coefficient of a one-pole low-pass at `hz`. */
function onePole(hz: number): number {
  return 1 - Math.exp((-2 * Math.PI * hz) / SAMPLE_RATE)
}

export function lowPassInPlace(signal: Float32Array, hz: number) {
  const a = onePole(hz)
  let y = 0
  for (let i = 0; i < signal.length; i++) {
    y += a * ((signal[i] as number) - y)
    signal[i] = y
  }
}

export function highPassInPlace(signal: Float32Array, hz: number) {
  const a = onePole(hz)
  let y = 0
  for (let i = 0; i < signal.length; i++) {
    const x = signal[i] as number
    y += a * (x - y)
    signal[i] = x - y
  }
}

/** Chamberlin state-variable low-pass with a per-sample cutoff (Hz) from `cutoffAt`. */
export function svfLowPassInPlace(signal: Float32Array, cutoff: number | ((i: number) => number), resonance = 0.7) {
  let low = 0
  let band = 0
  let current = 0
  const damping = 1 / Math.max(0.5, resonance)
  const coef = (hz: number) => 2 * Math.sin((Math.PI * Math.min(hz, SAMPLE_RATE / 6)) / SAMPLE_RATE)
  const fixed = typeof cutoff === 'number' ? coef(cutoff) : 0
  for (let i = 0; i < signal.length; i++) {
    // Recomputing the coefficient every 32 samples is inaudible and much cheaper.
    const f = typeof cutoff === 'number' ? fixed : i % 32 === 0 ? coef(cutoff(i)) : current
    current = f
    low += f * band
    const high = (signal[i] as number) - low - damping * band
    band += f * high
    signal[i] = low
  }
}

export function seconds(n: number): number {
  return Math.max(1, Math.round(n * SAMPLE_RATE))
}

/** Short fades so no note starts or stops with a click. */
export function declick(signal: Float32Array, attack = 0.002, release = 0.01) {
  const a = Math.min(signal.length, seconds(attack))
  const r = Math.min(signal.length, seconds(release))
  for (let i = 0; i < a; i++) signal[i] = (signal[i] as number) * (i / a)
  for (let i = 0; i < r; i++) {
    const j = signal.length - 1 - i
    signal[j] = (signal[j] as number) * (i / r)
  }
}

import { Mp3Encoder } from '@breezystack/lamejs'
import type { StereoBuffer } from './dsp'
import { toInt16 } from './wav'

// MP3 through lamejs (pure JS LAME port): CBR, no reservoir, so every frame stands alone.

const FRAME = 1152

/**
 * `halfRate` encodes mono at half the sample rate (22.05 kHz, MPEG-2 layer III): four times less
 * work, which is what keeps the demo seed quick; fine for a tagged preview, never for paid files.
 */
export function encodeMp3(audio: StereoBuffer, sampleRate: number, opts: { kbps: number; mono?: boolean; halfRate?: boolean }): Buffer {
  const mono = opts.mono || opts.halfRate
  const rate = opts.halfRate ? sampleRate / 2 : sampleRate
  const encoder = new Mp3Encoder(mono ? 1 : 2, rate, opts.kbps)
  let left = toInt16(audio.left)
  const right = toInt16(audio.right)
  if (mono) left = downmix(left, right, opts.halfRate ? 2 : 1)
  const frame = opts.halfRate ? FRAME / 2 : FRAME
  const chunks: Uint8Array[] = []
  for (let i = 0; i < left.length; i += frame) {
    const l = left.subarray(i, i + frame)
    chunks.push(mono ? encoder.encodeBuffer(l) : encoder.encodeBuffer(l, right.subarray(i, i + frame)))
  }
  chunks.push(encoder.flush())
  // lamejs hands back Int8Arrays; view the same bytes as Buffers.
  return Buffer.concat(chunks.filter((c) => c.length > 0).map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)))
}

/** Mono mix; with `factor` 2 also halves the rate (a 4-tap average is enough anti-aliasing here). */
function downmix(left: Int16Array, right: Int16Array, factor: 1 | 2): Int16Array {
  const out = new Int16Array(Math.floor(left.length / factor))
  const at = (i: number) => ((left[i] ?? 0) + (right[i] ?? 0)) / 2
  for (let i = 0; i < out.length; i++) {
    const j = i * factor
    out[i] = factor === 1 ? at(j) : Math.round(at(j - 1) * 0.25 + at(j) * 0.5 + at(j + 1) * 0.25)
  }
  return out
}

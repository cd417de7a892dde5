import { Mp3Encoder } from '@breezystack/lamejs'
import { MPEGDecoder } from 'mpg123-decoder'
import type { ByteSource } from './byte-source'
import { AudioFormatError } from './errors'
import type { Pcm } from './pcm'

// MP3 in (mpg123 compiled to WASM) and out (lamejs, a pure-JS LAME port): no system binaries.
// Why not ffmpeg: docs/decisions/0015-preview-rendering.md.

const READ_CHUNK = 256 * 1024

/** Decodes from the start of the file until `startSeconds + lengthSeconds` is covered, then stops. */
export async function decodeMp3Range(source: ByteSource, startSeconds: number, lengthSeconds: number): Promise<Pcm> {
  const decoder = new MPEGDecoder()
  await decoder.ready
  try {
    const parts: Float32Array[][] = []
    let sampleRate = 0
    let decoded = 0
    for (let offset = 0; offset < source.size; offset += READ_CHUNK) {
      const out = decoder.decode(await source.read(offset, READ_CHUNK))
      if (out.samplesDecoded > 0) {
        sampleRate = out.sampleRate
        parts.push(out.channelData.map((c) => c.slice(0, out.samplesDecoded)))
        decoded += out.samplesDecoded
        if (decoded >= (startSeconds + lengthSeconds) * sampleRate) break
      }
    }
    if (decoded === 0 || sampleRate === 0) throw new AudioFormatError('The MP3 file holds no audio that could be decoded.')
    const channelCount = Math.max(...parts.map((p) => p.length))
    const totalStart = Math.min(Math.round(startSeconds * sampleRate), decoded)
    const frames = Math.min(Math.round(lengthSeconds * sampleRate), decoded - totalStart)
    const channels = Array.from({ length: channelCount }, () => new Float32Array(frames))
    let at = 0
    for (const part of parts) {
      const len = part[0]!.length
      const from = Math.max(0, totalStart - at)
      const to = Math.min(len, totalStart + frames - at)
      if (to > from) part.forEach((ch, c) => channels[c]!.set(ch.subarray(from, to), at + from - totalStart))
      at += len
    }
    // A mono part inside a stereo stream (rare) is copied to the missing channel.
    for (let c = 1; c < channelCount; c++) if (channels[c]!.every((s) => s === 0)) channels[c]!.set(channels[0]!)
    return { sampleRate, channels }
  } finally {
    decoder.free()
  }
}

const FRAME = 1152
const LAME_RATES = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000]

/** CBR MP3, mono or stereo (a third channel and beyond are dropped), at a rate LAME supports. */
export function encodeMp3(pcm: Pcm, kbps = 128): Uint8Array {
  if (!LAME_RATES.includes(pcm.sampleRate)) throw new AudioFormatError(`Audio at ${pcm.sampleRate} Hz cannot be encoded as MP3; export at 44.1 or 48 kHz.`)
  const stereo = pcm.channels.length >= 2
  const encoder = new Mp3Encoder(stereo ? 2 : 1, pcm.sampleRate, kbps)
  const left = toInt16(pcm.channels[0]!)
  const right = stereo ? toInt16(pcm.channels[1]!) : undefined
  const chunks: Uint8Array[] = []
  for (let i = 0; i < left.length; i += FRAME) {
    const l = left.subarray(i, i + FRAME)
    chunks.push(right ? encoder.encodeBuffer(l, right.subarray(i, i + FRAME)) : encoder.encodeBuffer(l))
  }
  chunks.push(encoder.flush())
  const total = chunks.reduce((n, c) => n + c.length, 0)
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    out.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), offset)
    offset += c.length
  }
  return out
}

function toInt16(signal: Float32Array): Int16Array {
  const out = new Int16Array(signal.length)
  for (let i = 0; i < signal.length; i++) {
    const s = Math.max(-1, Math.min(1, signal[i] as number))
    out[i] = s < 0 ? s * 0x8000 : s * 0x7fff
  }
  return out
}

import type { ByteSource } from './byte-source'
import { AudioFormatError } from './errors'
import type { Pcm } from './pcm'

// A RIFF/WAVE reader for what producers export: PCM 8/16/24/32-bit integer and 32/64-bit float,
// plain or WAVE_FORMAT_EXTENSIBLE, any chunk order. Only the requested range is read.

export interface WavFormat {
  channels: number
  sampleRate: number
  bitsPerSample: number
  float: boolean
  dataOffset: number
  dataBytes: number
}

const PCM = 1
const FLOAT = 3
const EXTENSIBLE = 0xfffe

/** Walks the RIFF chunks (DAWs add LIST, bext, JUNK … before the data) to the format and the samples. */
export async function readWavFormat(source: ByteSource): Promise<WavFormat> {
  const head = await source.read(0, 12)
  const ascii = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4))
  if (head.byteLength < 12 || ascii(head, 0) !== 'RIFF' || ascii(head, 8) !== 'WAVE') {
    throw new AudioFormatError('The file is not a WAV file (no RIFF/WAVE header).')
  }
  let offset = 12
  let fmt: Omit<WavFormat, 'dataOffset' | 'dataBytes'> | undefined
  while (offset + 8 <= source.size) {
    const chunk = await source.read(offset, 8)
    const id = ascii(chunk, 0)
    const size = new DataView(chunk.buffer, chunk.byteOffset, 8).getUint32(4, true)
    if (id === 'fmt ') {
      const body = await source.read(offset + 8, Math.min(size, 40))
      if (body.byteLength < 16) throw new AudioFormatError('The WAV file has a damaged format chunk.')
      const v = new DataView(body.buffer, body.byteOffset, body.byteLength)
      let tag = v.getUint16(0, true)
      if (tag === EXTENSIBLE && body.byteLength >= 26) tag = v.getUint16(24, true)
      const bitsPerSample = v.getUint16(14, true)
      const float = tag === FLOAT
      if ((tag !== PCM && !float) || ![8, 16, 24, 32, 64].includes(bitsPerSample) || (float && bitsPerSample < 32)) {
        throw new AudioFormatError('The WAV file is compressed or in an unusual sample format; export it as PCM (16 or 24-bit) and retry.')
      }
      fmt = { channels: v.getUint16(2, true), sampleRate: v.getUint32(4, true), bitsPerSample, float }
      if (fmt.channels < 1 || fmt.channels > 8 || fmt.sampleRate < 8000 || fmt.sampleRate > 192000) {
        throw new AudioFormatError('The WAV file declares an impossible channel count or sample rate.')
      }
    } else if (id === 'data') {
      if (!fmt) throw new AudioFormatError('The WAV file has its audio before its format chunk.')
      // A file cut off early (or a streaming export that never filled in the size) plays up to its end.
      const dataBytes = Math.min(size, source.size - offset - 8)
      return { ...fmt, dataOffset: offset + 8, dataBytes }
    }
    offset += 8 + size + (size % 2)
  }
  throw new AudioFormatError('The WAV file holds no audio data.')
}

/** Frames (one sample per channel) in the data chunk. */
export function wavFrameCount(f: WavFormat): number {
  return Math.floor(f.dataBytes / ((f.bitsPerSample / 8) * f.channels))
}

/** `frames` frames from frame `start`, one Float32Array per channel, in [-1, 1]. */
export async function decodeWavFrames(source: ByteSource, f: WavFormat, start: number, frames: number): Promise<Float32Array[]> {
  const bytesPerSample = f.bitsPerSample / 8
  const frameBytes = bytesPerSample * f.channels
  const bytes = await source.read(f.dataOffset + start * frameBytes, frames * frameBytes)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const channels = Array.from({ length: f.channels }, () => new Float32Array(frames))
  const sample = sampleReader(view, f)
  for (let i = 0; i < frames; i++) {
    const base = i * frameBytes
    for (let c = 0; c < f.channels; c++) channels[c]![i] = sample(base + c * bytesPerSample)
  }
  return channels
}

/** Decodes `lengthSeconds` from `startSeconds` (clamped to the file). */
export async function decodeWavRange(source: ByteSource, startSeconds: number, lengthSeconds: number): Promise<Pcm> {
  const f = await readWavFormat(source)
  const totalFrames = wavFrameCount(f)
  const start = Math.min(Math.max(0, Math.round(startSeconds * f.sampleRate)), totalFrames)
  const frames = Math.min(Math.round(lengthSeconds * f.sampleRate), totalFrames - start)
  return { sampleRate: f.sampleRate, channels: await decodeWavFrames(source, f, start, frames) }
}

function sampleReader(v: DataView, f: WavFormat): (at: number) => number {
  if (f.float) return f.bitsPerSample === 32 ? (at) => v.getFloat32(at, true) : (at) => v.getFloat64(at, true)
  switch (f.bitsPerSample) {
    case 8:
      return (at) => (v.getUint8(at) - 128) / 128
    case 16:
      return (at) => v.getInt16(at, true) / 32768
    case 24:
      return (at) => ((v.getUint8(at) | (v.getUint8(at + 1) << 8) | (v.getInt8(at + 2) << 16)) / 8388608)
    default:
      return (at) => v.getInt32(at, true) / 2147483648
  }
}

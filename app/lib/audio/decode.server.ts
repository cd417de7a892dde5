import { MPEGDecoder } from 'mpg123-decoder'
import { createPeakCollector, PEAK_COUNT } from './peaks'

// Decodes an MP3 (mpg123 compiled to WebAssembly) or a PCM WAV into waveform peaks, a chunk at a
// time, so a long track never sits in memory as floats.

const MP3_CHUNK_BYTES = 256 * 1024
const WAV_CHUNK_FRAMES = 64 * 1024

export type AudioFormat = 'mp3' | 'wav'

export async function peaksFromAudio(bytes: Uint8Array, format: AudioFormat, count = PEAK_COUNT): Promise<number[]> {
  return format === 'mp3' ? mp3Peaks(bytes, count) : wavPeaks(bytes, count)
}

// Instantiating the WebAssembly decoder costs far more than decoding a preview, so one decoder is
// kept and reset between files; the queue keeps one file's decode from interleaving with another's.
let shared: Promise<MPEGDecoder> | null = null
let queue: Promise<unknown> = Promise.resolve()

function mp3Decoder(): Promise<MPEGDecoder> {
  shared ??= (async () => {
    const instance = new MPEGDecoder()
    await instance.ready
    return instance
  })()
  return shared
}

function mp3Peaks(bytes: Uint8Array, count: number): Promise<number[]> {
  const run = queue.then(async () => {
    const decoder = await mp3Decoder()
    await decoder.reset()
    const collector = createPeakCollector()
    for (let at = 0; at < bytes.length; at += MP3_CHUNK_BYTES) {
      const { channelData, samplesDecoded } = decoder.decode(bytes.subarray(at, at + MP3_CHUNK_BYTES))
      if (samplesDecoded > 0) collector.push(channelData.map((c) => c.subarray(0, samplesDecoded)))
    }
    const peaks = collector.finish(count)
    if (peaks.length === 0) throw new Error('no MPEG audio frames found')
    return peaks
  })
  queue = run.catch(() => {})
  return run
}

interface WavFormat {
  channels: number
  bitsPerSample: number
  float: boolean
  dataOffset: number
  dataBytes: number
}

/** Walks the RIFF chunks (DAWs add LIST, bext, JUNK … before the data) to the format and the samples. */
function readWavFormat(bytes: Uint8Array): WavFormat {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4))
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a RIFF WAVE file')
  let fmt: Omit<WavFormat, 'dataOffset' | 'dataBytes'> | null = null
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = tag(at)
    const size = view.getUint32(at + 4, true)
    if (id === 'fmt ') {
      let formatTag = view.getUint16(at + 8, true)
      // WAVE_FORMAT_EXTENSIBLE keeps the real format in its sub-format GUID.
      if (formatTag === 0xfffe && size >= 26) formatTag = view.getUint16(at + 32, true)
      fmt = { channels: view.getUint16(at + 10, true), bitsPerSample: view.getUint16(at + 22, true), float: formatTag === 3 }
      if (formatTag !== 1 && formatTag !== 3) throw new Error(`WAV format ${formatTag} is not PCM`)
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAV data before its format')
      return { ...fmt, dataOffset: at + 8, dataBytes: Math.min(size, bytes.length - at - 8) }
    }
    at += 8 + size + (size % 2)
  }
  throw new Error('WAV file without a data chunk')
}

function wavPeaks(bytes: Uint8Array, count: number): number[] {
  const f = readWavFormat(bytes)
  const width = f.bitsPerSample / 8
  if (![1, 2, 3, 4].includes(width) || f.channels < 1) throw new Error(`unsupported WAV sample size ${f.bitsPerSample}`)
  const view = new DataView(bytes.buffer, bytes.byteOffset + f.dataOffset, f.dataBytes)
  const frameBytes = width * f.channels
  const totalFrames = Math.floor(f.dataBytes / frameBytes)
  const read = (at: number): number => {
    if (f.float && width === 4) return view.getFloat32(at, true)
    if (width === 1) return (view.getUint8(at) - 128) / 128
    if (width === 2) return view.getInt16(at, true) / 0x8000
    if (width === 3) return ((view.getUint8(at + 2) << 24) | (view.getUint8(at + 1) << 16) | (view.getUint8(at) << 8)) / 0x80000000
    return view.getInt32(at, true) / 0x80000000
  }
  const collector = createPeakCollector()
  for (let start = 0; start < totalFrames; start += WAV_CHUNK_FRAMES) {
    const frames = Math.min(WAV_CHUNK_FRAMES, totalFrames - start)
    const channels = Array.from({ length: f.channels }, () => new Float32Array(frames))
    for (let i = 0; i < frames; i++) {
      const at = (start + i) * frameBytes
      for (let c = 0; c < f.channels; c++) (channels[c] as Float32Array)[i] = read(at + c * width)
    }
    collector.push(channels)
  }
  return collector.finish(count)
}

import { MPEGDecoder } from 'mpg123-decoder'
import { createPeakCollector, PEAK_COUNT } from './peaks'
import { bufferSource } from './preview/byte-source'
import { decodeWavFrames, readWavFormat, wavFrameCount } from './preview/wav'

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

// WAVs are read by the preview renderer's reader (one RIFF parser in the store), a chunk at a time.
async function wavPeaks(bytes: Uint8Array, count: number): Promise<number[]> {
  const source = bufferSource(bytes)
  const format = await readWavFormat(source)
  const totalFrames = wavFrameCount(format)
  const collector = createPeakCollector()
  for (let start = 0; start < totalFrames; start += WAV_CHUNK_FRAMES)
    collector.push(await decodeWavFrames(source, format, start, Math.min(WAV_CHUNK_FRAMES, totalFrames - start)))
  return collector.finish(count)
}

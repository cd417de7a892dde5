import type { ByteSource } from './byte-source'
import { AudioFormatError } from './errors'
import { mixPreview, type MixSettings } from './mixer'
import { decodeMp3Range, encodeMp3 } from './mp3.server'
import { durationSeconds, resample, toMono, type Pcm } from './pcm'
import { decodeWavRange } from './wav'

// Renders a tagged preview: decode the range of the source, mix the voice tag in, fade, encode.
// Pure apart from CPU: the job, the seed and the benchmark all call this one function.

export type AudioFormat = 'wav' | 'mp3'

export interface PreviewSettings {
  intervalSeconds: number
  levelDb: number
  rangeStartSeconds: number
  rangeLengthSeconds: number
}

const FADE_OUT_SECONDS = 2
export const PREVIEW_KBPS = 128

export async function decodeAudio(source: ByteSource, format: AudioFormat, startSeconds = 0, lengthSeconds = Infinity): Promise<Pcm> {
  const length = Number.isFinite(lengthSeconds) ? lengthSeconds : 24 * 3600
  return format === 'wav' ? decodeWavRange(source, startSeconds, length) : decodeMp3Range(source, startSeconds, length)
}

export interface RenderedPreview {
  mp3: Uint8Array
  durationSeconds: number
  /** Where the tag starts, in seconds from the start of the preview. */
  tagOffsetsSeconds: number[]
}

export async function renderPreview(input: {
  source: ByteSource
  sourceFormat: AudioFormat
  tag: ByteSource
  tagFormat: AudioFormat
  settings: PreviewSettings
}): Promise<RenderedPreview> {
  const { settings } = input
  let pcm = await decodeAudio(input.source, input.sourceFormat, settings.rangeStartSeconds, settings.rangeLengthSeconds)
  // A range that starts past the end of a short beat starts at the beginning instead.
  if (durationSeconds(pcm) < 1 && settings.rangeStartSeconds > 0) pcm = await decodeAudio(input.source, input.sourceFormat, 0, settings.rangeLengthSeconds)
  if (durationSeconds(pcm) < 1) throw new AudioFormatError('The beat has less than a second of audio, too little for a preview.')
  const tagPcm = await decodeAudio(input.tag, input.tagFormat)
  const tag = resample(toMono(tagPcm), tagPcm.sampleRate, pcm.sampleRate)
  const mix: MixSettings = { intervalSeconds: settings.intervalSeconds, levelDb: settings.levelDb, fadeSeconds: FADE_OUT_SECONDS }
  const offsets = mixPreview(pcm, tag, mix)
  return {
    mp3: encodeMp3(pcm, PREVIEW_KBPS),
    durationSeconds: durationSeconds(pcm),
    tagOffsetsSeconds: offsets.map((o) => o / pcm.sampleRate),
  }
}

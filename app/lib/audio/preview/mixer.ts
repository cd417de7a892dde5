import { frameCount, peak, type Pcm } from './pcm'

// The pure part of a tagged preview: where the tag goes, how loud, and the fade at the end.
// Rules: the tag starts at 0 s and then every `intervalSeconds`, each time only where the whole
// tag ends before the fade-out begins (a tag is never cut off or faded); the tag is normalised to
// its own peak and then set `levelDb` below full scale; the last `fadeSeconds` fade to silence.

export interface MixSettings {
  intervalSeconds: number
  levelDb: number
  fadeSeconds: number
}

const FADE_IN_SECONDS = 0.01

/** Sample offsets at which the tag starts, for a preview of `frames` samples. */
export function tagOffsets(frames: number, tagFrames: number, sampleRate: number, settings: MixSettings): number[] {
  const fadeFrames = fadeLength(frames, sampleRate, settings.fadeSeconds)
  const step = Math.max(1, Math.round(settings.intervalSeconds * sampleRate))
  const offsets: number[] = []
  for (let at = 0; at + tagFrames <= frames - fadeFrames; at += step) offsets.push(at)
  return offsets
}

function fadeLength(frames: number, sampleRate: number, fadeSeconds: number): number {
  // A very short preview keeps most of its sound: the fade never takes more than a quarter of it.
  return Math.min(Math.round(fadeSeconds * sampleRate), Math.floor(frames / 4))
}

export function dbToGain(db: number): number {
  return 10 ** (db / 20)
}

/**
 * Mixes the mono `tag` (already at `pcm.sampleRate`) into every channel of `pcm` in place, then
 * fades in (a few ms, so a range starting mid-beat does not click) and fades out. Returns the offsets.
 */
export function mixPreview(pcm: Pcm, tag: Float32Array, settings: MixSettings): number[] {
  const frames = frameCount(pcm)
  const tagPeak = peak(tag)
  const gain = tagPeak > 0 ? dbToGain(settings.levelDb) / tagPeak : 0
  const offsets = tagOffsets(frames, tag.length, pcm.sampleRate, settings)
  for (const ch of pcm.channels) {
    for (const at of offsets) {
      for (let i = 0; i < tag.length; i++) ch[at + i] = (ch[at + i] as number) + (tag[i] as number) * gain
    }
  }
  applyFades(pcm, settings.fadeSeconds)
  // A loud beat plus the tag can pass full scale; clip hard rather than wrap in the encoder.
  for (const ch of pcm.channels) for (let i = 0; i < ch.length; i++) ch[i] = Math.max(-1, Math.min(1, ch[i] as number))
  return offsets
}

function applyFades(pcm: Pcm, fadeSeconds: number) {
  const frames = frameCount(pcm)
  const fadeIn = Math.min(Math.round(FADE_IN_SECONDS * pcm.sampleRate), frames)
  const fadeOut = fadeLength(frames, pcm.sampleRate, fadeSeconds)
  for (const ch of pcm.channels) {
    for (let i = 0; i < fadeIn; i++) ch[i] = (ch[i] as number) * (i / fadeIn)
    // Equal-power-ish curve (cosine): sounds smoother than a straight line.
    for (let i = 0; i < fadeOut; i++) {
      const j = frames - fadeOut + i
      ch[j] = (ch[j] as number) * 0.5 * (1 + Math.cos((Math.PI * (i + 1)) / fadeOut))
    }
  }
}

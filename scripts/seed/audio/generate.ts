import { renderCover } from './cover'
import { SAMPLE_RATE, stereo, type StereoBuffer } from './dsp'
import { encodeMp3 } from './mp3'
import { renderBeat, type BeatSpec } from './render'
import { zipFiles } from './stems-zip'
import { applyTag } from './tag'
import { encodeWav, isMono } from './wav'

// Everything a demo beat needs, as bytes: full WAV and MP3, stems zip, tagged preview, cover.

const PREVIEW_MAX_SECONDS = 30
/**
 * Demo tracks are short on purpose: MP3 encoding in pure JS is most of the seed's CPU, and the
 * seed runs before a newcomer's first `npm start` answers. About 10 s (two to six bars, plus the
 * tail) is enough to hear a beat's groove, sound and key.
 */
export const DEFAULT_TRACK_SECONDS = 10

export interface GeneratedFile {
  data: Buffer
  contentType: string
  ext: string
  durationMs: number | null
}

export interface GeneratedBeat {
  preview: GeneratedFile
  mp3: GeneratedFile
  wav: GeneratedFile
  stems: GeneratedFile
  cover: GeneratedFile
}

export async function generateBeatFiles(spec: BeatSpec & { title?: string }): Promise<GeneratedBeat> {
  const beat = renderBeat({ targetSeconds: DEFAULT_TRACK_SECONDS, ...spec })
  const ms = (buf: StereoBuffer) => Math.round((buf.left.length / SAMPLE_RATE) * 1000)
  const safe = (spec.title ?? 'beat').replace(/[^\w\- ]+/g, '').trim() || 'beat'
  const stemFiles = Object.entries(beat.stems).map(([name, audio]) => ({ name: `${safe} - ${name}.wav`, data: encodeWav(audio, SAMPLE_RATE, { mono: isMono(audio) }) }))
  const preview = previewExcerpt(beat.mix, beat.barSeconds)
  applyTag(preview, beat.key)
  return {
    wav: { data: encodeWav(beat.mix, SAMPLE_RATE), contentType: 'audio/wav', ext: 'wav', durationMs: ms(beat.mix) },
    // 192 kbps: lamejs spends less time per frame when it has more bits to spend (about 15% less
    // than at 128), and the paid MP3 sounds better for it.
    mp3: { data: encodeMp3(beat.mix, SAMPLE_RATE, { kbps: 192 }), contentType: 'audio/mpeg', ext: 'mp3', durationMs: ms(beat.mix) },
    stems: { data: await zipFiles(stemFiles), contentType: 'application/zip', ext: 'zip', durationMs: null },
    // Previews are for listening in the browser: mono at 22.05 kHz keeps them light and quick to make.
    preview: { data: encodeMp3(preview, SAMPLE_RATE, { kbps: 64, halfRate: true }), contentType: 'audio/mpeg', ext: 'mp3', durationMs: ms(preview) },
    cover: { data: renderCover(spec.seed), contentType: 'image/png', ext: 'png', durationMs: null },
  }
}

/** Up to 30 s from the top (demo tracks are short), skipping a long intro, with fades at both ends. */
function previewExcerpt(mix: StereoBuffer, barSeconds: number): StereoBuffer {
  const startBar = barSeconds > 4 ? 2 : 0
  const start = Math.min(Math.round(startBar * barSeconds * SAMPLE_RATE), Math.max(0, mix.left.length - SAMPLE_RATE))
  const length = Math.min(mix.left.length - start, PREVIEW_MAX_SECONDS * SAMPLE_RATE)
  const out = stereo(length)
  const fadeIn = Math.round(0.05 * SAMPLE_RATE)
  const fadeOut = Math.round(2.5 * SAMPLE_RATE)
  for (let i = 0; i < length; i++) {
    const g = Math.min(1, i / fadeIn, (length - i) / fadeOut)
    out.left[i] = (mix.left[start + i] as number) * g
    out.right[i] = (mix.right[start + i] as number) * g
  }
  return out
}

import { mixMono, SAMPLE_RATE, type StereoBuffer } from './dsp'
import { bell } from './instruments'
import { degreeToMidi, midiToHz, type MusicalKey } from './theory'

// The producer tag on previews: a short three-note bell signature in the beat's key, with the
// music ducked underneath so it is heard, repeated every ~10 s. Paid files never carry it.

export const TAG_EVERY_SECONDS = 10
export const TAG_FIRST_AT_SECONDS = 2

function tagSignal(key: MusicalKey): Float32Array {
  const notes = [0, 4, 7].map((d) => midiToHz(degreeToMidi(key, d, 5)))
  const out = new Float32Array(Math.round(1.6 * SAMPLE_RATE))
  notes.forEach((hz, i) => {
    const note = bell(hz, i === 2 ? 1.2 : 0.5, { ratio: 2.76, index: 1.4 })
    const start = Math.round(i * 0.13 * SAMPLE_RATE)
    for (let j = 0; j < note.length && start + j < out.length; j++) out[start + j] = (out[start + j] as number) + (note[j] as number) * 0.5
  })
  return out
}

/** Overlays the tag at 2 s, 12 s, 22 s … in place. */
export function applyTag(audio: StereoBuffer, key: MusicalKey) {
  const tag = tagSignal(key)
  const length = audio.left.length
  for (let at = TAG_FIRST_AT_SECONDS; at * SAMPLE_RATE < length - tag.length / 2; at += TAG_EVERY_SECONDS) {
    const start = Math.round(at * SAMPLE_RATE)
    // Duck the beat by ~5 dB under the tag, with smooth edges.
    const fade = Math.round(0.08 * SAMPLE_RATE)
    for (let i = 0; i < tag.length && start + i < length; i++) {
      const edge = Math.min(1, i / fade, (tag.length - i) / fade)
      const g = 1 - 0.45 * edge
      audio.left[start + i] = (audio.left[start + i] as number) * g
      audio.right[start + i] = (audio.right[start + i] as number) * g
    }
    mixMono(audio, tag, start, 0.75, 0)
  }
}

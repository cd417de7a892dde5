import { describe, expect, it } from 'vitest'
import { makeMp3, makeWav } from '../../../tests/studio-media'
import { peaksFromAudio } from './decode.server'
import { computePeaks, createPeakCollector, PEAK_COUNT } from './peaks'

const RATE = 8000

/** A 440 Hz sine whose amplitude follows `envelope(t)` (t in 0…1 across the signal). */
function sine(seconds: number, envelope: (t: number) => number): Float32Array {
  const n = Math.round(seconds * RATE)
  const out = new Float32Array(n)
  for (let i = 0; i < n; i++) out[i] = envelope(i / n) * Math.sin((i / RATE) * 2 * Math.PI * 440)
  return out
}

describe('computePeaks', () => {
  it('gives PEAK_COUNT levels that follow the loudness: half volume then full volume', () => {
    const peaks = computePeaks([sine(30, (t) => (t < 0.5 ? 0.5 : 1))])
    expect(peaks).toHaveLength(PEAK_COUNT)
    const first = peaks.slice(0, 95)
    const second = peaks.slice(105)
    for (const p of first) expect(p).toBeGreaterThanOrEqual(125)
    for (const p of first) expect(p).toBeLessThanOrEqual(128)
    for (const p of second) expect(p).toBeGreaterThanOrEqual(252)
  })

  it('rises with a fade-in and reads silence as 0', () => {
    const fade = computePeaks([sine(20, (t) => t)])
    for (let i = 10; i < fade.length; i += 10) expect(fade[i]!).toBeGreaterThan(fade[i - 10]!)
    expect(computePeaks([new Float32Array(RATE * 5)]).every((p) => p === 0)).toBe(true)
  })

  it('takes the louder channel of a stereo signal', () => {
    const quiet = sine(10, () => 0.25)
    const loud = sine(10, () => 0.75)
    const peaks = computePeaks([quiet, loud])
    expect(Math.min(...peaks)).toBeGreaterThanOrEqual(189)
  })

  it('is the same whether the audio arrives at once or in odd-sized chunks', () => {
    const signal = sine(12, (t) => Math.abs(Math.sin(t * 9)))
    const collector = createPeakCollector()
    for (let at = 0; at < signal.length; at += 777) collector.push([signal.subarray(at, at + 777)])
    expect(collector.finish()).toEqual(computePeaks([signal]))
  })

  it('gives fewer levels for very short audio, and none for no audio', () => {
    expect(computePeaks([new Float32Array(256 * 10).fill(0.5)])).toEqual(Array(10).fill(128))
    expect(computePeaks([new Float32Array(0)])).toEqual([])
  })
})

describe('peaksFromAudio', () => {
  it('decodes a WAV (16-bit mono sine at 8000/32768) to flat levels of about 62', async () => {
    const peaks = await peaksFromAudio(makeWav(3, 44100), 'wav')
    expect(peaks).toHaveLength(PEAK_COUNT)
    for (const p of peaks) expect(p).toBeGreaterThanOrEqual(61)
    for (const p of peaks) expect(p).toBeLessThanOrEqual(63)
  })

  it('decodes an MP3 (the same sine, encoded) to about the same levels', async () => {
    const peaks = await peaksFromAudio(await makeMp3(3), 'mp3')
    expect(peaks.length).toBeGreaterThan(50)
    const middle = peaks.slice(5, -5)
    for (const p of middle) expect(Math.abs(p - 62)).toBeLessThanOrEqual(8)
  })

  it('refuses what is not audio', async () => {
    await expect(peaksFromAudio(Buffer.from('not a wav file at all'), 'wav')).rejects.toThrow(/RIFF/)
    await expect(peaksFromAudio(Buffer.alloc(5000, 7), 'mp3')).rejects.toThrow(/no MPEG audio/)
  })
})

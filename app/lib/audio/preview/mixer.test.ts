import { describe, expect, it } from 'vitest'
import { dbToGain, mixPreview, tagOffsets } from './mixer'

const RATE = 1000
const settings = { intervalSeconds: 10, levelDb: -6, fadeSeconds: 2 }

describe('tag placement', () => {
  it('puts the tag at 0 s and every interval, only where it ends before the fade-out', () => {
    // 35 s preview, 1 s tag, fade from 33 s: tags at 0, 10, 20, 30 (30 + 1 ≤ 33).
    expect(tagOffsets(35 * RATE, RATE, RATE, settings)).toEqual([0, 10_000, 20_000, 30_000])
    // 32 s preview: the fade starts at 30 s, so a tag at 30 s would be faded: not placed.
    expect(tagOffsets(32 * RATE, RATE, RATE, settings)).toEqual([0, 10_000, 20_000])
  })

  it('keeps the fade to a quarter of a very short preview', () => {
    expect(tagOffsets(4 * RATE, RATE, RATE, settings)).toEqual([0])
  })
})

describe('mixPreview', () => {
  it('adds the tag, normalised to its peak and set to the level, at the offsets, into every channel', () => {
    const left = new Float32Array(25 * RATE)
    const right = new Float32Array(25 * RATE)
    const tag = new Float32Array(RATE).fill(0.25)
    const offsets = mixPreview({ sampleRate: RATE, channels: [left, right] }, tag, settings)
    expect(offsets).toEqual([0, 10_000, 20_000])
    const level = dbToGain(-6)
    for (const ch of [left, right]) {
      expect(ch[10_500]).toBeCloseTo(level, 5)
      expect(ch[20_999]).toBeCloseTo(level, 5)
      expect(ch[11_500]).toBe(0)
      expect(ch[21_000]).toBe(0)
    }
  })

  it('fades the last seconds out to silence and the first milliseconds in', () => {
    const ch = new Float32Array(20 * RATE).fill(0.5)
    mixPreview({ sampleRate: RATE, channels: [ch] }, new Float32Array(10), { ...settings, intervalSeconds: 100 })
    expect(ch[0]).toBe(0)
    expect(ch[17_999]).toBeCloseTo(0.5, 5) // just before the fade
    expect(ch[19_000]).toBeCloseTo(0.25, 2) // half way down
    expect(ch[19_999]).toBeCloseTo(0, 5)
    for (let i = 18_001; i < 20_000; i++) expect(ch[i]!).toBeLessThanOrEqual(ch[i - 1]!)
  })

  it('clips instead of passing full scale', () => {
    const ch = new Float32Array(20 * RATE).fill(0.9)
    mixPreview({ sampleRate: RATE, channels: [ch] }, new Float32Array(RATE).fill(1), { ...settings, levelDb: 0 })
    expect(Math.max(...ch)).toBe(1)
  })
})

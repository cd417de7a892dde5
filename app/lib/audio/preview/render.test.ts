import { describe, expect, it } from 'vitest'
import { chirpTag } from '../../../../scripts/seed/audio/chirp-tag'
import { encodeWav } from '../../../../scripts/seed/audio/wav'
import { bestNcc } from '../../../../tests/utils/audio-correlation'
import { bufferSource } from './byte-source'
import { AudioFormatError } from './errors'
import { decodeAudio, renderPreview } from './render.server'
import { toMono } from './pcm'
import { decodeWavRange } from './wav'

const RATE = 44_100

function noiseBeat(seconds: number) {
  const left = new Float32Array(seconds * RATE)
  let seed = 7
  for (let i = 0; i < left.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    left[i] = 0.3 * Math.sin((2 * Math.PI * 110 * i) / RATE) + 0.1 * (seed / 0x7fffffff - 0.5)
  }
  return { left, right: left.slice() }
}

describe('renderPreview', () => {
  it('renders an MP3 of the range in which the tag is found at its offsets and not elsewhere', async () => {
    const tag = chirpTag(RATE)
    const source = bufferSource(encodeWav(noiseBeat(50), RATE))
    const settings = { intervalSeconds: 12, levelDb: -6, rangeStartSeconds: 5, rangeLengthSeconds: 40 }
    const result = await renderPreview({ source, sourceFormat: 'wav', tag: bufferSource(encodeWav({ left: tag, right: tag }, RATE)), tagFormat: 'wav', settings })
    expect(result.tagOffsetsSeconds).toEqual([0, 12, 24, 36])
    const decoded = toMono(await decodeAudio(bufferSource(result.mp3), 'mp3'))
    expect(decoded.length / RATE).toBeGreaterThan(39.9)
    for (const at of [12, 24]) expect(bestNcc(decoded, tag, at * RATE, 1600, 2)).toBeGreaterThan(0.5)
    for (const at of [6, 18, 30]) expect(bestNcc(decoded, tag, at * RATE, 1600, 2)).toBeLessThan(0.2)
  }, 60_000)

  it('refuses a damaged source with a sentence', async () => {
    const tag = bufferSource(encodeWav({ left: chirpTag(RATE), right: chirpTag(RATE) }, RATE))
    const settings = { intervalSeconds: 30, levelDb: -6, rangeStartSeconds: 0, rangeLengthSeconds: 60 }
    const junk = bufferSource(new TextEncoder().encode('RIFF....WAVEjunkjunkjunk'))
    await expect(renderPreview({ source: junk, sourceFormat: 'wav', tag, tagFormat: 'wav', settings })).rejects.toThrow(AudioFormatError)
    await expect(renderPreview({ source: bufferSource(new Uint8Array(5000)), sourceFormat: 'mp3', tag, tagFormat: 'wav', settings })).rejects.toThrow(/no audio/)
  })
})

describe('WAV reader', () => {
  it('reads 24-bit and float WAVs with extra chunks before the data', async () => {
    const frames = 100
    const header = (fmtTag: number, bits: number) => {
      const bytes = bits / 8
      const list = Buffer.from('LIST\x04\x00\x00\x00abcd', 'latin1')
      const fmt = Buffer.alloc(24)
      fmt.write('fmt ', 0, 'ascii')
      fmt.writeUInt32LE(16, 4)
      fmt.writeUInt16LE(fmtTag, 8)
      fmt.writeUInt16LE(1, 10)
      fmt.writeUInt32LE(RATE, 12)
      fmt.writeUInt32LE(RATE * bytes, 16)
      fmt.writeUInt16LE(bytes, 20)
      fmt.writeUInt16LE(bits, 22)
      const data = Buffer.alloc(8 + frames * bytes)
      data.write('data', 0, 'ascii')
      data.writeUInt32LE(frames * bytes, 4)
      for (let i = 0; i < frames; i++) {
        if (fmtTag === 3) data.writeFloatLE(0.5, 8 + i * 4)
        else data.writeIntLE(-(1 << 22), 8 + i * 3, 3)
      }
      const riff = Buffer.from('RIFF\x00\x00\x00\x00WAVE', 'latin1')
      return Buffer.concat([riff, list, fmt, data])
    }
    expect((await decodeWavRange(bufferSource(header(3, 32)), 0, 1)).channels[0]![50]).toBeCloseTo(0.5, 6)
    expect((await decodeWavRange(bufferSource(header(1, 24)), 0, 1)).channels[0]![50]).toBeCloseTo(-0.5, 6)
  })
})

import { parseBuffer } from 'music-metadata'
import { PNG } from 'pngjs'
import yauzl from 'yauzl'
import { describe, expect, it } from 'vitest'
import { renderCover } from './cover'
import { SAMPLE_RATE, stereo } from './dsp'
import { generateBeatFiles } from './generate'
import { renderBeat } from './render'
import { applyTag, TAG_EVERY_SECONDS, TAG_FIRST_AT_SECONDS } from './tag'
import { parseKey } from './theory'
import { encodeWav, isMono, readWavHeader } from './wav'

function listZip(buf: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'))
      const out: { name: string; data: Buffer }[] = []
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'))
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) })
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(out))
      zip.readEntry()
    })
  })
}

const rms = (s: Float32Array, from: number, to: number) => {
  let sum = 0
  for (let i = from; i < to; i++) sum += (s[i] as number) ** 2
  return Math.sqrt(sum / Math.max(1, to - from))
}

describe('theory', () => {
  it('parses keys the catalog uses and falls back to A minor', () => {
    expect(parseKey('A minor')).toEqual({ tonic: 9, mode: 'minor' })
    expect(parseKey('F# major')).toEqual({ tonic: 6, mode: 'major' })
    expect(parseKey('Bb minor')).toEqual({ tonic: 10, mode: 'minor' })
    expect(parseKey('C#m')).toEqual({ tonic: 1, mode: 'minor' })
    expect(parseKey('nonsense')).toEqual({ tonic: 9, mode: 'minor' })
  })
})

describe('WAV', () => {
  it('writes a 16-bit 44.1 kHz stereo header whose sizes match the samples', () => {
    const audio = stereo(SAMPLE_RATE / 2)
    audio.left.fill(0.5)
    audio.right.fill(-1.5) // clipped, not wrapped
    const wav = encodeWav(audio, SAMPLE_RATE)
    const info = readWavHeader(wav)
    expect(info).toEqual({ channels: 2, sampleRate: 44_100, bitsPerSample: 16, dataBytes: (SAMPLE_RATE / 2) * 4, durationSeconds: 0.5 })
    expect(wav.length).toBe(44 + info.dataBytes)
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8)
    expect(wav.readInt16LE(44)).toBe(Math.round(0.5 * 0x7fff))
    expect(wav.readInt16LE(46)).toBe(-0x8000)
  })

  it('writes a mono file when asked, at half the size', () => {
    const audio = stereo(SAMPLE_RATE / 4)
    audio.left.fill(0.25)
    audio.right.fill(0.25)
    expect(isMono(audio)).toBe(true)
    const wav = encodeWav(audio, SAMPLE_RATE, { mono: true })
    expect(readWavHeader(wav)).toEqual({ channels: 1, sampleRate: 44_100, bitsPerSample: 16, dataBytes: (SAMPLE_RATE / 4) * 2, durationSeconds: 0.25 })
    expect(wav.readUInt16LE(32)).toBe(2) // block align
    expect(wav.readUInt32LE(28)).toBe(SAMPLE_RATE * 2) // byte rate
    expect(wav.readInt16LE(44)).toBe(Math.round(0.25 * 0x7fff))
    audio.right[100] = 0
    expect(isMono(audio)).toBe(false)
  })
})

describe('beat rendering', () => {
  it('renders at the beat tempo, the same every time, and differently per genre', () => {
    const spec = { seed: 'Night Drive', bpm: 120, musicalKey: 'A minor', genre: 'Trap', mood: 'Dark', targetSeconds: 4 }
    const a = renderBeat(spec)
    expect(a.bars).toBe(2)
    expect(a.mix.left.length).toBe(Math.ceil((2 * 2 + 1.5) * SAMPLE_RATE))
    expect(Object.keys(a.stems)).toEqual(expect.arrayContaining(['drums', 'bass', 'chords']))
    expect(encodeWav(renderBeat(spec).mix, SAMPLE_RATE).equals(encodeWav(a.mix, SAMPLE_RATE))).toBe(true)
    const house = renderBeat({ ...spec, genre: 'House' })
    expect(encodeWav(house.mix, SAMPLE_RATE).equals(encodeWav(a.mix, SAMPLE_RATE))).toBe(false)
    // Normalised just under full scale, and not silent.
    let peak = 0
    for (const v of a.mix.left) peak = Math.max(peak, Math.abs(v))
    expect(peak).toBeGreaterThan(0.5)
    expect(peak).toBeLessThanOrEqual(0.9)
  })

  it('adds an audible tag every ten seconds', () => {
    const audio = stereo(25 * SAMPLE_RATE)
    applyTag(audio, parseKey('C major'))
    const sec = (s: number) => Math.round(s * SAMPLE_RATE)
    for (const at of [TAG_FIRST_AT_SECONDS, TAG_FIRST_AT_SECONDS + TAG_EVERY_SECONDS, TAG_FIRST_AT_SECONDS + 2 * TAG_EVERY_SECONDS]) {
      expect(rms(audio.left, sec(at), sec(at + 0.5))).toBeGreaterThan(0.05)
    }
    expect(rms(audio.left, sec(5), sec(11))).toBe(0)
  })
})

describe('generated files', () => {
  it('produces a decodable MP3, a tagged preview, a matching WAV and a zip of stems', async () => {
    const files = await generateBeatFiles({ seed: 'Lagos Sunset', title: 'Lagos Sunset', bpm: 104, musicalKey: 'G major', genre: 'Afrobeats', mood: 'Uplifting', targetSeconds: 4 })
    const wav = readWavHeader(files.wav.data)
    expect(wav.channels).toBe(2)
    expect(Math.round(wav.durationSeconds * 1000)).toBe(files.wav.durationMs)

    // MPEG frame sync (11 set bits) at the start of the MP3s, and a duration a decoder agrees with.
    for (const f of [files.mp3, files.preview]) {
      expect(f.data[0]).toBe(0xff)
      expect((f.data[1] ?? 0) & 0xe0).toBe(0xe0)
    }
    const mp3 = await parseBuffer(files.mp3.data, { mimeType: 'audio/mpeg' }, { duration: true })
    expect(mp3.format.sampleRate).toBe(44_100)
    expect(mp3.format.numberOfChannels).toBe(2)
    expect(mp3.format.duration).toBeCloseTo(wav.durationSeconds, 0)
    const preview = await parseBuffer(files.preview.data, { mimeType: 'audio/mpeg' }, { duration: true })
    expect(preview.format.duration).toBeGreaterThan(3)
    expect(preview.format.duration).toBeLessThanOrEqual(30.2)

    const entries = await listZip(files.stems.data)
    const names = entries.map((e) => e.name)
    expect(names).toEqual(expect.arrayContaining(['Lagos Sunset - drums.wav', 'Lagos Sunset - bass.wav', 'Lagos Sunset - chords.wav']))
    // Every stem lines up with the mix sample for sample; a stem that is mono (the bass) is stored
    // as one channel, the others in stereo.
    for (const e of entries) {
      const stem = readWavHeader(e.data)
      expect({ sampleRate: stem.sampleRate, bitsPerSample: stem.bitsPerSample, durationSeconds: stem.durationSeconds }).toEqual({ sampleRate: wav.sampleRate, bitsPerSample: wav.bitsPerSample, durationSeconds: wav.durationSeconds })
      expect(stem.dataBytes).toBe((wav.dataBytes / 2) * stem.channels)
    }
    const channels = Object.fromEntries(entries.map((e) => [e.name, readWavHeader(e.data).channels]))
    expect(channels).toMatchObject({ 'Lagos Sunset - bass.wav': 1, 'Lagos Sunset - drums.wav': 2 })
  })

  it('draws a distinct 640×640 PNG cover per seed', () => {
    const a = renderCover('one', { size: 640 })
    const b = renderCover('two', { size: 640 })
    const png = PNG.sync.read(a)
    expect([png.width, png.height]).toEqual([640, 640])
    expect(a.equals(b)).toBe(false)
    expect(a.equals(renderCover('one'))).toBe(true)
  })
})

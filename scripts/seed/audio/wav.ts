import type { StereoBuffer } from './dsp'

// 16-bit PCM WAV (RIFF), the format every DAW and browser opens.

export function toInt16(signal: Float32Array): Int16Array {
  const out = new Int16Array(signal.length)
  for (let i = 0; i < signal.length; i++) {
    const s = Math.max(-1, Math.min(1, signal[i] as number))
    out[i] = Math.round(s < 0 ? s * 0x8000 : s * 0x7fff)
  }
  return out
}

/** True when both channels carry the same samples (a centred mono source, like the bass). */
export function isMono(audio: StereoBuffer): boolean {
  const { left, right } = audio
  for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return false
  return true
}

/** `mono` writes one channel (the left): half the bytes for a stem that is mono anyway. */
export function encodeWav(audio: StereoBuffer, sampleRate: number, opts: { mono?: boolean } = {}): Buffer {
  const channels = opts.mono ? 1 : 2
  const frames = audio.left.length
  const dataBytes = frames * 2 * channels
  const buf = Buffer.alloc(44 + dataBytes)
  buf.write('RIFF', 0, 'ascii')
  buf.writeUInt32LE(36 + dataBytes, 4)
  buf.write('WAVE', 8, 'ascii')
  buf.write('fmt ', 12, 'ascii')
  buf.writeUInt32LE(16, 16) // fmt chunk size
  buf.writeUInt16LE(1, 20) // PCM
  buf.writeUInt16LE(channels, 22)
  buf.writeUInt32LE(sampleRate, 24)
  buf.writeUInt32LE(sampleRate * 2 * channels, 28) // byte rate
  buf.writeUInt16LE(2 * channels, 32) // block align
  buf.writeUInt16LE(16, 34) // bits per sample
  buf.write('data', 36, 'ascii')
  buf.writeUInt32LE(dataBytes, 40)
  const l = toInt16(audio.left)
  if (channels === 1) {
    new Int16Array(buf.buffer, buf.byteOffset + 44, frames).set(l)
    return buf
  }
  const r = toInt16(audio.right)
  const pcm = new Int16Array(buf.buffer, buf.byteOffset + 44, frames * 2)
  for (let i = 0; i < frames; i++) {
    pcm[2 * i] = l[i] as number
    pcm[2 * i + 1] = r[i] as number
  }
  return buf
}

export interface WavInfo {
  channels: number
  sampleRate: number
  bitsPerSample: number
  dataBytes: number
  durationSeconds: number
}

/** Reads a canonical 44-byte-header WAV as written above (used by tests and sanity checks). */
export function readWavHeader(buf: Buffer): WavInfo {
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file')
  const channels = buf.readUInt16LE(22)
  const sampleRate = buf.readUInt32LE(24)
  const bitsPerSample = buf.readUInt16LE(34)
  const dataBytes = buf.readUInt32LE(40)
  return { channels, sampleRate, bitsPerSample, dataBytes, durationSeconds: dataBytes / (channels * (bitsPerSample / 8) * sampleRate) }
}

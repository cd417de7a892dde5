import { randomBytes } from 'node:crypto'
import { chirpTag } from '../scripts/seed/audio/chirp-tag'
import { encodeWav } from '../scripts/seed/audio/wav'
import { ORIGIN } from './factories-studio'

// Audio for the tagged-preview tests: a chirp tag, a noisy "beat" that does not look like it, and
// the multipart form the voice tag page posts.

export const RATE = 44_100

export function chirpWav(seconds = 1.2): { wav: Buffer; signal: Float32Array } {
  const signal = chirpTag(RATE, seconds)
  return { wav: encodeWav({ left: signal, right: signal }, RATE, { mono: true }), signal }
}

/** A second, different tag: a falling sweep. */
export function fallingWav(seconds = 1): { wav: Buffer; signal: Float32Array } {
  const signal = new Float32Array(Math.round(seconds * RATE))
  for (let i = 0; i < signal.length; i++) {
    const t = i / RATE
    signal[i] = 0.7 * Math.sin(2 * Math.PI * (3000 * t - (2000 / (2 * seconds)) * t * t)) * Math.sin((Math.PI * i) / signal.length)
  }
  return { wav: encodeWav({ left: signal, right: signal }, RATE, { mono: true }), signal }
}

export function beatWav(seconds: number): Buffer {
  const left = new Float32Array(seconds * RATE)
  let seed = 11
  for (let i = 0; i < left.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    left[i] = 0.3 * Math.sin((2 * Math.PI * 98 * i) / RATE) + 0.08 * (seed / 0x7fffffff - 0.5)
  }
  return encodeWav({ left, right: left }, RATE, { mono: true })
}

/** The voice tag page's upload form: `intent=upload` and the file. */
export function voiceTagUpload(file: Buffer, filename: string, cookie: string) {
  const boundary = `----beatstall${randomBytes(8).toString('hex')}`
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return new Request(`${ORIGIN}/studio/voice-tag`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: ORIGIN, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(body.length) },
    body,
  })
}

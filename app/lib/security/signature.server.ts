import { timingSafeEqual } from 'node:crypto'

// Strict reading of signatures. Node's base64url decoder forgives: it ignores `=`, skips characters
// outside the alphabet and the unused low bits of the last character, so many spellings decode to
// the same bytes. A signature is accepted only in its one canonical spelling, and compared in
// constant time.

const BASE64URL = /^[A-Za-z0-9_-]+$/

/** The unpadded base64url length of `bytes` bytes. */
function base64urlLength(bytes: number): number {
  return Math.ceil((bytes * 4) / 3)
}

/** The bytes of `text` if it is the canonical unpadded base64url of exactly `bytes` bytes; else null. */
export function decodeCanonicalBase64url(text: string, bytes: number): Buffer | null {
  if (text.length !== base64urlLength(bytes) || !BASE64URL.test(text)) return null
  const decoded = Buffer.from(text, 'base64url')
  if (decoded.length !== bytes || decoded.toString('base64url') !== text) return null
  return decoded
}

/** Whether `given` equals one of `expected`, comparing every candidate in constant time. */
export function matchesAnyConstantTime(given: Buffer, expected: Buffer[]): boolean {
  let match = false
  for (const candidate of expected) {
    // Lengths are public (a SHA-256 MAC is 32 bytes); only equal-length buffers are compared.
    if (candidate.length === given.length && timingSafeEqual(candidate, given)) match = true
  }
  return match
}

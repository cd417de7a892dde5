import { randomBytes } from 'node:crypto'

// 12 characters of base62 ≈ 71 bits: short enough to paste in a DM, far too many to guess.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const LENGTH = 12

export function newLinkId(): string {
  let id = ''
  while (id.length < LENGTH) {
    for (const byte of randomBytes(16)) {
      // 248 = 4 × 62: rejecting bytes above it keeps every character equally likely.
      if (byte < 248 && id.length < LENGTH) id += ALPHABET[byte % 62]
    }
  }
  return id
}

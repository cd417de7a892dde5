import { createHash } from 'node:crypto'

/** The fingerprint printed on the PDF and shown on the verification page: sha256 (hex) of the UTF-8 text. */
export function contractSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

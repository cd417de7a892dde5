import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`File is larger than the ${maxBytes}-byte limit`)
    this.name = 'FileTooLargeError'
  }
}

/**
 * Streams `source` into a new file at `tmpPath`, counting bytes and hashing (sha256) on the way,
 * and stops with FileTooLargeError past `maxBytes`. On any failure the partial file is removed.
 * Both storage drivers spool uploads this way before moving them to their final place.
 */
export async function spoolToFile(
  source: Readable | Buffer,
  tmpPath: string,
  maxBytes?: number,
): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256')
  let bytes = 0
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length
      if (maxBytes !== undefined && bytes > maxBytes) return done(new FileTooLargeError(maxBytes))
      hash.update(chunk)
      done(null, chunk)
    },
  })
  try {
    await pipeline(Buffer.isBuffer(source) ? Readable.from([source]) : source, meter, createWriteStream(tmpPath, { flags: 'wx' }))
  } catch (error) {
    await rm(tmpPath, { force: true })
    throw error
  }
  return { bytes, sha256: hash.digest('hex') }
}

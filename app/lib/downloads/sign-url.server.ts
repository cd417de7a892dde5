import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { LocalFileStorage } from '~/lib/storage/local.server'
import { getStorage } from '~/lib/storage/index.server'
import type { SignedUrlOptions } from '~/lib/storage/types'

// The seam between the download gate and the storage drivers (getStorage()).

export function signFileUrl(key: string, options: SignedUrlOptions): string {
  return getStorage().signedDownloadUrl(key, options)
}

/** Bytes of a stored paid file, for the "download everything" zip: disk directly, or Cloudinary
 *  through its own short-lived signed link. */
export async function openStoredFile(key: string, options: SignedUrlOptions): Promise<Readable> {
  const storage = getStorage()
  if (storage.driver === 'local') return createReadStream((storage as LocalFileStorage).pathFor(key))
  const res = await fetch(storage.signedDownloadUrl(key, options))
  if (!res.ok || !res.body) throw new Error(`storage answered ${res.status} for ${key}`)
  return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>)
}

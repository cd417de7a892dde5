import path from 'node:path'
import { getEnv } from '~/lib/env.server'
import { createCloudinaryStorage, parseCloudinaryUrl } from './cloudinary.server'
import { createLocalStorage, type LocalFileStorage } from './local.server'
import type { FileStorage } from './types'

// The storage driver for this process: Cloudinary when CLOUDINARY_URL is set, else local disk
// under DATA_DIR/files. Built lazily (no SDK work at import) and kept for the process.

let cached: { config: string; storage: FileStorage } | undefined

export function getStorage(): FileStorage {
  const env = getEnv()
  const config = `${env.CLOUDINARY_URL ?? ''}|${path.resolve(env.DATA_DIR)}`
  if (cached?.config === config) return cached.storage
  const storage = env.CLOUDINARY_URL
    ? createCloudinaryStorage(parseCloudinaryUrl(env.CLOUDINARY_URL), path.join(env.DATA_DIR, 'tmp', 'uploads'))
    : createLocalStorage(localFilesRoot())
  cached = { config, storage }
  return storage
}

function localFilesRoot(): string {
  return path.resolve(getEnv().DATA_DIR, 'files')
}

/** The local driver, whatever the configured one is (the /files route only ever serves local). */
export function getLocalStorage(): LocalFileStorage {
  const storage = getStorage()
  return storage.driver === 'local' ? (storage as LocalFileStorage) : createLocalStorage(localFilesRoot())
}

import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { FileKind } from '~/generated/prisma/enums'
import { assertValidKey } from './keys'
import { signLocalFileUrl } from './signing.server'
import { spoolToFile } from './spool.server'
import type { FileStorage, PutOptions, SignedUrlOptions, StoredObject } from './types'

// Files on local disk under <root> (DATA_DIR/files). Writes go to <root>/.tmp first and are renamed
// into place, so a reader never sees half a file; keys can never resolve outside <root>.


export interface LocalFileStorage extends FileStorage {
  readonly driver: 'local'
  readonly root: string
  /** Absolute path of a key, after checking it stays inside the root. */
  pathFor(key: string): string
  exists(key: string): Promise<boolean>
}

export function createLocalStorage(root: string): LocalFileStorage {
  const absRoot = path.resolve(root)
  const tmpDir = path.join(absRoot, '.tmp')

  const pathFor = (key: string) => {
    assertValidKey(key)
    const full = path.resolve(absRoot, key)
    if (!full.startsWith(absRoot + path.sep)) throw new Error('Storage key escapes the storage root')
    return full
  }

  return {
    driver: 'local',
    root: absRoot,
    pathFor,

    async exists(key) {
      try {
        return (await stat(pathFor(key))).isFile()
      } catch {
        return false
      }
    },

    async put(key: string, source: Readable | Buffer, options: PutOptions): Promise<StoredObject> {
      const target = pathFor(key)
      await mkdir(tmpDir, { recursive: true })
      await mkdir(path.dirname(target), { recursive: true })
      const tmp = path.join(tmpDir, `${randomBytes(8).toString('hex')}.part`)
      const { bytes, sha256 } = await spoolToFile(source, tmp, options.maxBytes)
      try {
        await rename(tmp, target)
      } catch (error) {
        await rm(tmp, { force: true })
        throw error
      }
      return { key, bytes, sha256, contentType: options.contentType }
    },

    async delete(key: string, _kind: FileKind) {
      await rm(pathFor(key), { force: true })
    },

    publicUrl(key: string, _kind: FileKind) {
      // Public media goes through /media/* routes keyed by beat; this is for anything else public.
      return signLocalFileUrl(key, { expiresAt: new Date(Date.now() + 24 * 3600 * 1000) })
    },

    signedDownloadUrl(key: string, options: SignedUrlOptions) {
      assertValidKey(key)
      return signLocalFileUrl(key, { expiresAt: options.expiresAt, filename: options.filename })
    },
  }
}

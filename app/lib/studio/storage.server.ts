import type { FileKind } from '~/generated/prisma/enums'
import { getStorage } from '~/lib/storage/index.server'
import type { FileStorage } from '~/lib/storage/types'

// The studio's one door to file storage (local disk or Cloudinary, chosen by configuration).

export function getFileStorage(): FileStorage {
  return getStorage()
}

/** Best effort: a beat's rows are gone already; a stray object is harmless, a half-deleted beat is not. */
export async function deleteStoredFiles(files: readonly { kind: FileKind; storageKey: string }[]) {
  const storage = getStorage()
  await Promise.all(files.map((f) => storage.delete(f.storageKey, f.kind).catch(() => {})))
}

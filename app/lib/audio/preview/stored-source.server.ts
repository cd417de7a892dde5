import { getLocalStorage, getStorage } from '~/lib/storage/index.server'
import type { FileKind } from '~/generated/prisma/enums'
import { bufferSource, type ByteSource } from './byte-source'
import { openFileSource } from './file-source.server'

// A stored file as a ByteSource: local files are read in place (only the bytes needed); from
// Cloudinary the file is fetched once through a short-lived signed URL.

export async function openStoredFile(key: string, kind: FileKind, contentType: string): Promise<ByteSource & { close(): Promise<void> }> {
  const storage = getStorage()
  if (storage.driver === 'local') return openFileSource(getLocalStorage().pathFor(key))
  const url = storage.signedDownloadUrl(key, { kind, contentType, expiresAt: new Date(Date.now() + 10 * 60_000) })
  const response = await fetch(url)
  if (!response.ok) throw new Error(`Fetching ${key} from storage answered ${response.status}`)
  return { ...bufferSource(new Uint8Array(await response.arrayBuffer())), close: async () => {} }
}

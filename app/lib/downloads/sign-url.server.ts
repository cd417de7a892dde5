import { getStorage } from '~/lib/storage/storage.server'
import type { SignedUrlOptions } from '~/lib/storage/types'

// The one seam between the download gate and the storage drivers (helper A's getStorage()).
export function signFileUrl(key: string, options: SignedUrlOptions): string {
  return getStorage().signedDownloadUrl(key, options)
}

import type { FileKind } from '~/generated/prisma/enums'
import { findBeatWithFile } from '~/models/beat/files.server'

// Looks up the stored file behind a public media URL (/media/preview/:beatId, /media/cover/:beatId).

export interface MediaFile {
  beatId: string
  title: string
  storageKey: string
  contentType: string
  updatedAt: Date
  sha256: string
}

/**
 * The beat's file of `kind`, or null when the beat does not exist, is not published (when
 * `publishedOnly`), or has no such file.
 */
export async function findMediaFile(beatId: string, kind: FileKind, opts: { publishedOnly: boolean }): Promise<MediaFile | null> {
  const beat = await findBeatWithFile(beatId, kind)
  if (!beat || (opts.publishedOnly && beat.status !== 'PUBLISHED')) return null
  const { file } = beat
  if (!file) return null
  return { beatId: beat.id, title: beat.title, storageKey: file.storageKey, contentType: file.contentType, updatedAt: file.createdAt, sha256: file.sha256 }
}

import type { FileKind } from '~/generated/prisma/enums'
import { prisma } from '~/lib/db.server'

// Looks up the stored file behind a public media URL (/media/preview/:beatId, /media/cover/:beatId).

export interface MediaFile {
  beatId: string
  title: string
  storageKey: string
  contentType: string
  updatedAt: Date
}

/**
 * The beat's file of `kind`, or null when the beat does not exist, is not published (when
 * `publishedOnly`), or has no such file.
 */
export async function findMediaFile(beatId: string, kind: FileKind, opts: { publishedOnly: boolean }): Promise<MediaFile | null> {
  const beat = await prisma.beat.findUnique({
    where: { id: beatId },
    select: {
      id: true,
      title: true,
      status: true,
      files: { where: { kind }, select: { storageKey: true, contentType: true, createdAt: true } },
    },
  })
  if (!beat || (opts.publishedOnly && beat.status !== 'PUBLISHED')) return null
  const file = beat.files[0]
  if (!file) return null
  return { beatId: beat.id, title: beat.title, storageKey: file.storageKey, contentType: file.contentType, updatedAt: file.createdAt }
}

/** Whether a beat exists at all (a cover placeholder is only drawn for real beats). */
export async function beatTitle(beatId: string): Promise<string | null> {
  const beat = await prisma.beat.findUnique({ where: { id: beatId }, select: { title: true } })
  return beat?.title ?? null
}

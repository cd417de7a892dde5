import type { PreviewRenderStatus } from '~/generated/prisma/enums'
import { prisma, type Tx } from '~/models/db.server'

// A producer's voice tag, the previews the store renders with it, and each beat's render status.

type Db = Tx | typeof prisma

const voiceTagSelect = {
  producerId: true,
  storageKey: true,
  contentType: true,
  bytes: true,
  sha256: true,
  durationMs: true,
  originalName: true,
  intervalSeconds: true,
  levelDb: true,
  rangeStartSeconds: true,
  rangeLengthSeconds: true,
  version: true,
  updatedAt: true,
} as const

export interface VoiceTagFile {
  storageKey: string
  contentType: string
  bytes: number
  sha256: string
  durationMs: number
  originalName: string
}

export interface VoiceTagSettings {
  intervalSeconds: number
  levelDb: number
  rangeStartSeconds: number
  rangeLengthSeconds: number
}

export function findVoiceTag(producerId: string, db: Db = prisma) {
  return db.voiceTag.findUnique({ where: { producerId }, select: voiceTagSelect })
}

/** Stores a new tag file (settings kept, or defaults for a first tag); bumps the version. */
export function saveVoiceTagFile(producerId: string, file: VoiceTagFile, db: Db = prisma) {
  return db.voiceTag.upsert({
    where: { producerId },
    create: { producerId, ...file },
    update: { ...file, version: { increment: 1 } },
    select: voiceTagSelect,
  })
}

/** New settings for an existing tag; bumps the version. Null when the producer has no tag. */
export async function saveVoiceTagSettings(producerId: string, settings: VoiceTagSettings, db: Db = prisma) {
  const { count } = await db.voiceTag.updateMany({ where: { producerId }, data: { ...settings, version: { increment: 1 } } })
  return count === 0 ? null : findVoiceTag(producerId, db)
}

export async function deleteVoiceTag(producerId: string, db: Db = prisma) {
  await db.voiceTag.deleteMany({ where: { producerId } })
}

const renderFileSelect = { kind: true, sha256: true, storageKey: true, contentType: true, storeRendered: true } as const

/** What a render needs: the beat's audio files and its producer's tag. Null for an unknown beat. */
export async function findBeatForPreview(beatId: string, db: Db = prisma) {
  const beat = await db.beat.findUnique({
    where: { id: beatId },
    select: {
      id: true,
      producerId: true,
      files: { where: { kind: { in: ['PREVIEW', 'MP3', 'WAV'] } }, select: renderFileSelect },
      producer: { select: { voiceTag: { select: voiceTagSelect } } },
    },
  })
  if (!beat) return null
  const { producer, ...rest } = beat
  return { ...rest, voiceTag: producer.voiceTag }
}

/** The ids of a producer's beats that have audio a preview can be rendered from. */
export async function listBeatIdsWithSource(producerId: string, db: Db = prisma) {
  const beats = await db.beat.findMany({
    where: { producerId, files: { some: { kind: { in: ['MP3', 'WAV'] } } } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  })
  return beats.map((b) => b.id)
}

const renderSelect = { beatId: true, status: true, renderKey: true, replaceUploaded: true, message: true, updatedAt: true } as const

export function findPreviewRender(beatId: string, db: Db = prisma) {
  return db.previewRender.findUnique({ where: { beatId }, select: renderSelect })
}

/** Records a new render request (replacing any earlier one of the beat) as queued. */
export function saveQueuedRender(beatId: string, renderKey: string, replaceUploaded: boolean, db: Db = prisma) {
  const data = { status: 'QUEUED' as const, renderKey, replaceUploaded, message: null }
  return db.previewRender.upsert({ where: { beatId }, create: { beatId, ...data }, update: data, select: renderSelect })
}

/**
 * Takes the request `renderKey` for rendering: only while it is still the beat's latest request
 * and not yet done (a crashed or failed attempt may be taken again). Null when there is nothing to do.
 */
export async function claimRender(beatId: string, renderKey: string, db: Db = prisma) {
  const { count } = await db.previewRender.updateMany({
    where: { beatId, renderKey, status: { in: ['QUEUED', 'RENDERING', 'FAILED'] } },
    data: { status: 'RENDERING', message: null },
  })
  return count === 0 ? null : findPreviewRender(beatId, db)
}

/** Sets the outcome of the request `renderKey`; a newer request of the same beat is left alone. */
export async function finishRender(beatId: string, renderKey: string, status: PreviewRenderStatus, message: string | null, db: Db = prisma) {
  const { count } = await db.previewRender.updateMany({ where: { beatId, renderKey }, data: { status, message } })
  return count > 0
}

export interface RenderedPreviewFile {
  storageKey: string
  bytes: number
  sha256: string
  durationMs: number
}

/**
 * Makes the rendered file the beat's preview unless the producer's own upload is there (and they
 * did not ask to replace it). One conditional statement each way, so an upload that lands while
 * the job renders always wins. Returns the storage key it replaced, or false when it kept an upload.
 */
export async function saveRenderedPreview(beatId: string, file: RenderedPreviewFile, replaceUploaded: boolean, db: Db = prisma): Promise<{ replacedKey: string | null } | false> {
  const data = { ...file, contentType: 'audio/mpeg', originalName: 'Tagged by the store', storeRendered: true }
  const existing = await db.beatFile.findUnique({ where: { beatId_kind: { beatId, kind: 'PREVIEW' } }, select: { storageKey: true, storeRendered: true } })
  if (existing) {
    const { count } = await db.beatFile.updateMany({
      where: { beatId, kind: 'PREVIEW', storageKey: existing.storageKey, ...(replaceUploaded ? {} : { storeRendered: true }) },
      data,
    })
    return count === 0 ? false : { replacedKey: existing.storageKey === file.storageKey ? null : existing.storageKey }
  }
  // ON CONFLICT DO NOTHING: an upload that created the preview row in between wins.
  const { count } = await db.beatFile.createMany({ data: [{ beatId, kind: 'PREVIEW', ...data }], skipDuplicates: true })
  return count === 0 ? false : { replacedKey: null }
}

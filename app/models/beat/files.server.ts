import type { FileKind } from '~/generated/prisma/enums'
import { prisma, type Tx } from '~/models/db.server'

// A beat's stored files (one per kind): the rows that point at storage keys.

type Db = Tx | typeof prisma

export interface NewBeatFile {
  kind: FileKind
  storageKey: string
  contentType: string
  bytes: number
  sha256: string
  durationMs?: number | null
  originalName?: string
  /** True only for a preview the store rendered; an upload always clears it. */
  storeRendered?: boolean
}

/** Adds or replaces the beat's file of one kind. */
export async function upsertBeatFile(beatId: string, file: NewBeatFile, db: Db = prisma) {
  const data = { ...file, durationMs: file.durationMs ?? null, originalName: file.originalName ?? '', storeRendered: file.storeRendered ?? false }
  return db.beatFile.upsert({
    where: { beatId_kind: { beatId, kind: file.kind } },
    create: { beatId, ...data },
    update: data,
    select: { id: true, kind: true, storageKey: true },
  })
}

/** The beat's file of one kind, or null. */
export function findBeatFile(beatId: string, kind: FileKind, db: Db = prisma) {
  return db.beatFile.findUnique({ where: { beatId_kind: { beatId, kind } }, select: { id: true, storageKey: true } })
}

export async function deleteBeatFile(fileId: string, db: Db = prisma) {
  await db.beatFile.delete({ where: { id: fileId }, select: { id: true } })
}

/** The beat (any status) with its file of `kind`, if it has one; null for an unknown beat. */
export async function findBeatWithFile(beatId: string, kind: FileKind, db: Db = prisma) {
  const beat = await db.beat.findUnique({
    where: { id: beatId },
    select: {
      id: true,
      title: true,
      status: true,
      files: { where: { kind }, select: { storageKey: true, contentType: true, createdAt: true, sha256: true } },
    },
  })
  if (!beat) return null
  const { files, ...rest } = beat
  return { ...rest, file: files[0] ?? null }
}

import { upsertBeatFile, type NewBeatFile } from '~/models/beat/files.server'
import { prisma } from '~/models/db.server'
import { requestPreviewRender } from './request.server'

/**
 * Records an uploaded beat file and, in the same transaction, asks for a tagged preview when the
 * rules call for one (a new WAV or MP3 and no uploaded preview): the render job exists exactly when
 * the file row does.
 */
export async function recordBeatFileUpload(beatId: string, file: NewBeatFile) {
  return prisma.$transaction(async (tx) => {
    const saved = await upsertBeatFile(beatId, file, tx)
    if (file.kind === 'WAV' || file.kind === 'MP3') await requestPreviewRender(tx, beatId)
    return saved
  })
}

/** After a file is removed: a beat left without a preview gets a rendered one when it can. */
export async function afterBeatFileRemoved(beatId: string) {
  await prisma.$transaction((tx) => requestPreviewRender(tx, beatId, { again: true }))
}

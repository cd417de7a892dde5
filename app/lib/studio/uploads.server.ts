import { createReadStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { coverVersionOf } from '~/lib/images/cover-sizes'
import { writeCoverVariantsOrLog } from '~/lib/images/cover-variants.server'
import { refreshWaveformAfterUpload } from '~/lib/audio/waveform.server'
import { getStorage } from '~/lib/storage/index.server'
import { beatFileKey } from '~/lib/storage/keys'
import { afterBeatFileRemoved, recordBeatFileUpload } from '~/lib/audio/preview/record-upload.server'
import { deleteBeatFile, findBeatFile } from '~/models/beat/files.server'
import { inspectFile } from './file-inspect.server'
import { stageUpload } from './receive-upload.server'
import type { UploadKind } from './upload-kinds'

// Local uploads: stage → check the bytes → move into storage → record. The BeatFile row is
// written last, so an upload that fails at any step leaves the beat exactly as it was.

export async function receiveLocalUpload(request: Request, beatId: string, upload: UploadKind) {
  const staged = await stageUpload(request, { kind: upload.kind, maxBytes: upload.maxBytes, label: upload.label.toLowerCase() })
  // Give the staged file the extension its bytes were sniffed as (the audio parser goes by it).
  const stagedPath = `${staged.path}.${staged.sniffed.ext}`
  await rename(staged.path, stagedPath)
  try {
    const { durationMs } = await inspectFile(upload.kind, stagedPath)
    const storage = getStorage()
    const key = beatFileKey(beatId, upload.kind, staged.sniffed.ext)
    const previous = await findBeatFile(beatId, upload.kind)
    const stored = await storage.put(key, createReadStream(stagedPath), {
      kind: upload.kind,
      contentType: staged.sniffed.contentType,
      maxBytes: upload.maxBytes,
    })
    const file = await recordBeatFileUpload(beatId, {
      kind: upload.kind,
      storageKey: stored.key,
      contentType: staged.sniffed.contentType,
      bytes: staged.bytes,
      sha256: staged.sha256,
      durationMs,
      originalName: staged.originalName.slice(0, 200),
    })
    if (upload.kind === 'COVER') await writeCoverVariantsOrLog(beatId, stagedPath, coverVersionOf(staged.sha256))
    // A cover that changed format (png → jpg) leaves its old object behind otherwise.
    if (previous && previous.storageKey !== stored.key) await storage.delete(previous.storageKey, upload.kind).catch(() => {})
    await refreshWaveformAfterUpload(beatId, upload.kind)
    return { kind: file.kind, bytes: staged.bytes, sha256: staged.sha256, durationMs, contentType: staged.sniffed.contentType }
  } finally {
    await rm(stagedPath, { force: true })
  }
}

export async function removeBeatFile(beatId: string, upload: UploadKind) {
  const file = await findBeatFile(beatId, upload.kind)
  if (!file) return
  await deleteBeatFile(file.id)
  await getStorage().delete(file.storageKey, upload.kind).catch(() => {})
  await refreshWaveformAfterUpload(beatId, upload.kind)
  if (upload.kind === 'PREVIEW') await afterBeatFileRemoved(beatId)
}

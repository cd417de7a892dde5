import { refreshWaveformAfterUpload } from '~/lib/audio/waveform.server'
import { createHash } from 'node:crypto'
import { defineJob } from '~/lib/jobs/queue.server'
import { logger } from '~/lib/logger.server'
import { getStorage } from '~/lib/storage/index.server'
import { prisma } from '~/models/db.server'
import { claimRender, findBeatForPreview, finishRender, saveRenderedPreview } from '~/models/voice-tag.server'
import { AudioFormatError } from './errors'
import type { AudioFormat } from './render.server'
import { openStoredFile } from './stored-source.server'

// The background job that renders a beat's tagged preview (rules: ./request.server.ts).
// Idempotent: it acts only while its (source, tag version) key is the beat's latest request and not
// yet ready, and the rendered file's storage key is derived from that key, so a repeated delivery
// either does nothing or writes the same bytes to the same place.

export interface RenderPreviewData {
  beatId: string
  renderKey: string
}

export const renderPreviewJob = defineJob<RenderPreviewData>('render-preview', (data) => runRenderPreview(data).then(() => {}), {
  retryLimit: 2,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 10 * 60,
})

export type RenderOutcome = 'ready' | 'failed' | 'skipped' | 'kept-upload'

/** The job's handler, callable directly (tests, the demo seed). */
export async function runRenderPreview({ beatId, renderKey }: RenderPreviewData): Promise<RenderOutcome> {
  const claim = await claimRender(beatId, renderKey)
  if (!claim) return 'skipped'
  try {
    return await render(beatId, renderKey, claim.replaceUploaded)
  } catch (error) {
    const known = error instanceof AudioFormatError
    const message = known ? error.message : 'Rendering stopped on an unexpected error; it is retried automatically, or press "Render again".'
    await finishRender(beatId, renderKey, 'FAILED', message)
    if (known) return 'failed'
    logger.error({ err: error, beatId }, 'preview render failed')
    // Storage or database trouble may pass: pg-boss retries (the claim accepts a failed attempt).
    throw error
  }
}

async function render(beatId: string, renderKey: string, replaceUploaded: boolean): Promise<RenderOutcome> {
  const beat = await findBeatForPreview(beatId)
  const source = beat?.files.find((f) => f.sha256 === renderKey.split(':')[0] && (f.kind === 'WAV' || f.kind === 'MP3'))
  const tag = beat?.voiceTag
  if (!beat || !source || !tag || `${tag.version}` !== renderKey.split(':')[1]) {
    // The source or the tag changed after this request; the newer request renders instead.
    await finishRender(beatId, renderKey, 'FAILED', 'The beat or the voice tag changed while this preview waited; render again.')
    return 'skipped'
  }
  const format = (kind: string): AudioFormat => (kind === 'WAV' || kind === 'audio/wav' ? 'wav' : 'mp3')
  // Loaded on first use: the decoders and the encoder are large, and every upload route imports this module.
  const { renderPreview } = await import('./render.server')
  const sourceFile = await openStoredFile(source.storageKey, source.kind, source.contentType)
  const tagFile = await openStoredFile(tag.storageKey, 'PREVIEW', tag.contentType)
  let mp3: Uint8Array
  let durationSeconds: number
  try {
    ;({ mp3, durationSeconds } = await renderPreview({
      source: sourceFile,
      sourceFormat: format(source.kind),
      tag: tagFile,
      tagFormat: format(tag.contentType),
      settings: tag,
    }))
  } finally {
    await Promise.all([sourceFile.close(), tagFile.close()])
  }
  const storage = getStorage()
  const key = `beats/${beatId}/preview-tagged-${createHash('sha256').update(renderKey).digest('hex').slice(0, 16)}.mp3`
  const stored = await storage.put(key, Buffer.from(mp3.buffer, mp3.byteOffset, mp3.byteLength), { kind: 'PREVIEW', contentType: 'audio/mpeg' })
  const saved = await prisma.$transaction(async (tx) => {
    const result = await saveRenderedPreview(beatId, { storageKey: key, bytes: stored.bytes, sha256: stored.sha256, durationMs: Math.round(durationSeconds * 1000) }, replaceUploaded, tx)
    await finishRender(beatId, renderKey, result ? 'READY' : 'FAILED', result ? null : 'You uploaded your own preview while this one rendered; yours is kept.', tx)
    return result
  })
  if (!saved) {
    await storage.delete(key, 'PREVIEW').catch(() => {})
    return 'kept-upload'
  }
  if (saved.replacedKey) await storage.delete(saved.replacedKey, 'PREVIEW').catch(() => {})
  // The waveform follows the preview it draws.
  await refreshWaveformAfterUpload(beatId, 'PREVIEW')
  return 'ready'
}

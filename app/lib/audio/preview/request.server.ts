import type { Tx } from '~/models/db.server'
import { findBeatForPreview, findPreviewRender, listBeatIdsWithSource, saveQueuedRender } from '~/models/voice-tag.server'
import { renderPreviewJob } from './job.server'
import type { AudioFormat } from './render.server'

// When the store renders a beat's preview itself. Rules: the producer has a voice tag; the beat
// has a WAV or an MP3 (the WAV is preferred: it is lossless and fastest to read); and the beat has
// no preview, or one the store rendered earlier. The producer's own uploaded preview always wins,
// unless they ask to replace it. A request is keyed by (source file, tag version): asking again
// for the same key while it is queued, rendering or ready does nothing.

type BeatForPreview = NonNullable<Awaited<ReturnType<typeof findBeatForPreview>>>

export function pickSource(files: BeatForPreview['files']) {
  const file = files.find((f) => f.kind === 'WAV') ?? files.find((f) => f.kind === 'MP3')
  return file ? { ...file, format: (file.kind === 'WAV' ? 'wav' : 'mp3') as AudioFormat } : null
}

export function renderKeyFor(sourceSha256: string, tagVersion: number) {
  return `${sourceSha256}:${tagVersion}`
}

export type RenderRequestOutcome = 'queued' | 'already-queued' | 'no-tag' | 'no-source' | 'uploaded-preview' | 'no-beat'

export async function requestPreviewRender(tx: Tx, beatId: string, opts: { replaceUploaded?: boolean; again?: boolean } = {}): Promise<RenderRequestOutcome> {
  const beat = await findBeatForPreview(beatId, tx)
  if (!beat) return 'no-beat'
  if (!beat.voiceTag) return 'no-tag'
  const source = pickSource(beat.files)
  if (!source) return 'no-source'
  const preview = beat.files.find((f) => f.kind === 'PREVIEW')
  const replaceUploaded = Boolean(opts.replaceUploaded && preview && !preview.storeRendered)
  if (preview && !preview.storeRendered && !replaceUploaded) return 'uploaded-preview'
  const renderKey = renderKeyFor(source.sha256, beat.voiceTag.version)
  const current = await findPreviewRender(beatId, tx)
  if (!opts.again && !replaceUploaded && current?.renderKey === renderKey && current.status !== 'FAILED') return 'already-queued'
  await saveQueuedRender(beatId, renderKey, replaceUploaded, tx)
  await renderPreviewJob.sendIn(tx, { beatId, renderKey })
  return 'queued'
}

/** After the tag or its settings changed: every beat of the producer whose preview the store makes. */
export async function requestProducerRenders(tx: Tx, producerId: string) {
  const outcomes = []
  for (const beatId of await listBeatIdsWithSource(producerId, tx)) outcomes.push(await requestPreviewRender(tx, beatId))
  return outcomes.filter((o) => o === 'queued').length
}

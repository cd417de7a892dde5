import { findBeatForPreview, findPreviewRender } from '~/models/voice-tag.server'
import { pickSource } from './request.server'

// What the studio beat editor shows about the store-rendered preview.

export type PreviewStatus =
  | { state: 'uploaded'; canReplace: boolean; previewVersion: string }
  | { state: 'no-tag' }
  | { state: 'no-source' }
  | { state: 'none' }
  | { state: 'queued' | 'rendering'; updatedAt: string }
  | { state: 'ready'; updatedAt: string; previewVersion: string }
  | { state: 'failed'; message: string; updatedAt: string }

export async function previewStatus(beatId: string): Promise<PreviewStatus> {
  const [beat, render] = await Promise.all([findBeatForPreview(beatId), findPreviewRender(beatId)])
  if (!beat) return { state: 'none' }
  const preview = beat.files.find((f) => f.kind === 'PREVIEW')
  const source = pickSource(beat.files)
  // A render the producer asked for to replace their upload is shown while it runs.
  const replacing = render?.replaceUploaded && (render.status === 'QUEUED' || render.status === 'RENDERING')
  if (preview && !preview.storeRendered && !replacing) return { state: 'uploaded', canReplace: Boolean(beat.voiceTag && source), previewVersion: preview.sha256.slice(0, 12) }
  if (render) {
    const updatedAt = render.updatedAt.toISOString()
    if (render.status === 'FAILED') return { state: 'failed', message: render.message ?? 'The preview could not be rendered.', updatedAt }
    if (render.status === 'READY' && preview) return { state: 'ready', updatedAt, previewVersion: preview.sha256.slice(0, 12) }
    return { state: render.status === 'QUEUED' ? 'queued' : 'rendering', updatedAt }
  }
  if (!beat.voiceTag) return { state: 'no-tag' }
  if (!source) return { state: 'no-source' }
  return { state: 'none' }
}

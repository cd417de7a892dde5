import type { Route } from './+types/studio.beats.$id.preview'
import { requireProducer } from '~/lib/auth/session.server'
import { orResponse } from '~/lib/http/errors'
import { getStorage } from '~/lib/storage/index.server'
import { findMediaFile } from '~/lib/storage/media.server'
import { serveLocalFile } from '~/lib/storage/serve.server'
import { requireOwnBeatId } from '~/models/studio-beat.server'

// GET /studio/beats/:id/preview: the beat's preview for its producer, whatever the beat's status
// (the public /media/preview serves published beats only), so a draft's tagged preview can be heard.

export async function loader({ request, params }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  const beatId = await orResponse(requireOwnBeatId(producer.id, params.id))
  const file = await findMediaFile(beatId, 'PREVIEW', { publishedOnly: false })
  if (!file) return new Response('This beat has no preview yet.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const storage = getStorage()
  if (storage.driver === 'cloudinary') return Response.redirect(storage.publicUrl(file.storageKey, 'PREVIEW'), 302)
  return serveLocalFile(request, file.storageKey, { contentType: file.contentType, cacheControl: 'private, no-cache' })
}

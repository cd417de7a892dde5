import { redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/media.preview.$beatId'
import { getStorage } from '~/lib/storage/index.server'
import { findMediaFile } from '~/lib/storage/media.server'
import { serveLocalFile } from '~/lib/storage/serve.server'

// GET/HEAD /media/preview/:beatId: the tagged preview of a published beat, seekable (Range).

const Params = z.object({ beatId: z.uuid() })

const notFound = () => new Response('No preview for this beat.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

export async function loader({ request, params }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params)
  if (!parsed.success) return notFound()
  const file = await findMediaFile(parsed.data.beatId, 'PREVIEW', { publishedOnly: true })
  if (!file) return notFound()
  const storage = getStorage()
  if (storage.driver === 'cloudinary') return redirect(storage.publicUrl(file.storageKey, 'PREVIEW'), 302)
  return serveLocalFile(request, file.storageKey, { contentType: file.contentType, cacheControl: 'public, max-age=300' })
}

import { redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/media.preview.$beatId'
import { getStorage } from '~/lib/storage/index.server'
import { findMediaFile } from '~/lib/storage/media.server'
import { serveLocalFile } from '~/lib/storage/serve.server'
import { canPlayThroughLink } from '~/lib/private-links/private-links.server'

// GET/HEAD /media/preview/:beatId: the tagged preview of a published beat, seekable (Range).

const Params = z.object({ beatId: z.uuid() })
const Query = z.object({ via: z.string().regex(/^[0-9A-Za-z]{12}$/).optional() })

const notFound = () => new Response('No preview for this beat.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

export async function loader({ request, params }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params)
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success || !query.success) return notFound()
  // An unpublished beat's preview plays only through an open private link that holds it.
  const viaLink = query.data.via ? await canPlayThroughLink(query.data.via, parsed.data.beatId) : false
  const file = await findMediaFile(parsed.data.beatId, 'PREVIEW', { publishedOnly: !viaLink })
  if (!file) return notFound()
  const storage = getStorage()
  if (storage.driver === 'cloudinary') return redirect(storage.publicUrl(file.storageKey, 'PREVIEW'), 302)
  return serveLocalFile(request, file.storageKey, { contentType: file.contentType, cacheControl: 'public, max-age=300' })
}

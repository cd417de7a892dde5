import { redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/media.cover.$beatId'
import { getStorage } from '~/lib/storage/index.server'
import { findMediaFile } from '~/lib/storage/media.server'
import { placeholderCoverSvg } from '~/lib/storage/placeholder-cover'
import { serveLocalFile } from '~/lib/storage/serve.server'
import { findBeatTitle } from '~/models/beat/beat.server'

// GET/HEAD /media/cover/:beatId: the beat's cover art, or a generated placeholder if it has none.

const Params = z.object({ beatId: z.uuid() })
const CACHE = 'public, max-age=3600, stale-while-revalidate=86400'

const notFound = () => new Response('No such beat.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

export async function loader({ request, params }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params)
  if (!parsed.success) return notFound()
  const { beatId } = parsed.data
  // Covers are not secret: drafts show theirs in the studio too.
  const file = await findMediaFile(beatId, 'COVER', { publishedOnly: false })
  if (!file) {
    if ((await findBeatTitle(beatId)) === null) return notFound()
    const svg = placeholderCoverSvg(beatId)
    return new Response(request.method === 'HEAD' ? null : svg, {
      headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Content-Length': String(Buffer.byteLength(svg)) },
    })
  }
  const storage = getStorage()
  if (storage.driver === 'cloudinary') return redirect(storage.publicUrl(file.storageKey, 'COVER'), 302)
  return serveLocalFile(request, file.storageKey, { contentType: file.contentType, cacheControl: CACHE })
}

import { z } from 'zod'
import type { Route } from './+types/media.cover.$beatId'
import { COVER_WIDTHS, coverVersionOf, isCoverWidth } from '~/lib/images/cover-sizes'
import { ensureCoverVariant } from '~/lib/images/cover-variants.server'
import { getStorage } from '~/lib/storage/index.server'
import { findMediaFile } from '~/lib/storage/media.server'
import { placeholderCoverSvg } from '~/lib/storage/placeholder-cover'
import { serveLocalFile } from '~/lib/storage/serve.server'
import { findBeatTitle } from '~/models/beat/beat.server'

// GET/HEAD /media/cover/:beatId[?v=<version>&w=<width>]: the beat's cover art, resized to one of the
// known widths when `w` is given, or a generated placeholder if it has none. A URL that names the
// current version never changes content, so it is cached for a year; any other is cached briefly.

const Params = z.object({ beatId: z.uuid() })
const Query = z.object({
  w: z
    .string()
    .optional()
    .refine((w) => w === undefined || isCoverWidth(Number(w)), `The cover width (w) must be one of ${COVER_WIDTHS.join(', ')} pixels.`),
  // Any other version (an old cover, a hand-made URL) gets the current cover, cached briefly.
  v: z.string().optional(),
})
const IMMUTABLE = 'public, max-age=31536000, immutable'
const BRIEF = 'public, max-age=3600, stale-while-revalidate=86400'

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

export async function loader({ request, params }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params)
  if (!parsed.success) return plain(404, 'No such beat.')
  const { beatId } = parsed.data
  const url = new URL(request.url)
  const query = Query.safeParse({ w: url.searchParams.get('w') ?? undefined, v: url.searchParams.get('v') ?? undefined })
  if (!query.success) return plain(400, query.error.issues[0]?.message ?? 'Bad cover parameters.')
  const width = query.data.w === undefined ? undefined : Number(query.data.w)

  // Covers are not secret: drafts show theirs in the studio too.
  const file = await findMediaFile(beatId, 'COVER', { publishedOnly: false })
  if (!file) {
    if ((await findBeatTitle(beatId)) === null) return plain(404, 'No such beat.')
    const svg = placeholderCoverSvg(beatId)
    return new Response(request.method === 'HEAD' ? null : svg, {
      headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Content-Length': String(Buffer.byteLength(svg)) },
    })
  }
  const version = coverVersionOf(file.sha256)
  const cacheControl = query.data.v === version ? IMMUTABLE : BRIEF
  const storage = getStorage()
  if (storage.driver === 'cloudinary') {
    return new Response(null, { status: 302, headers: { Location: storage.publicUrl(file.storageKey, 'COVER', { width }), 'Cache-Control': cacheControl } })
  }
  if (width === undefined || !isCoverWidth(width)) return serveLocalFile(request, file.storageKey, { contentType: file.contentType, cacheControl })
  const key = await ensureCoverVariant(beatId, { storageKey: file.storageKey, version }, width)
  return serveLocalFile(request, key, { contentType: 'image/webp', cacheControl })
}

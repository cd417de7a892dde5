import { redirect } from 'react-router'
import type { Route } from './+types/free.file.$token'
import { confirmedFreeDownload } from '~/lib/free-downloads/free-download.server'
import { getStorage } from '~/lib/storage/index.server'
import { findMediaFile } from '~/lib/storage/media.server'
import { serveLocalFile } from '~/lib/storage/serve.server'

// GET /free/file/:token: the tagged preview as a download, for a confirmed address only.

const text = (status: number, message: string) => new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

export async function loader({ request, params }: Route.LoaderArgs) {
  const row = await confirmedFreeDownload(params.token)
  if (!row) return text(404, 'This download link is not valid, or the address is not confirmed yet.')
  const file = await findMediaFile(row.beat.id, 'PREVIEW', { publishedOnly: true })
  if (!file) return text(404, 'This beat has no preview file to download.')
  const storage = getStorage()
  // The same public file the player streams; Cloudinary serves it from its CDN.
  if (storage.driver === 'cloudinary') return redirect(storage.publicUrl(file.storageKey, 'PREVIEW'), 302)
  return serveLocalFile(request, file.storageKey, { contentType: file.contentType, downloadName: `${row.beat.slug} (free, tagged).mp3`, cacheControl: 'private, no-store' })
}

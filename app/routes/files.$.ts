import { z } from 'zod'
import type { Route } from './+types/files.$'
import { contentTypeForKey, isValidKey } from '~/lib/storage/keys'
import { serveLocalFile } from '~/lib/storage/serve.server'
import { verifyLocalFileSignature } from '~/lib/storage/signing.server'

// GET/HEAD /files/<key>?exp=…&name=…&sig=…: local-disk downloads behind an HMAC-signed, short-lived
// link (made by storage.signedDownloadUrl). Cloudinary links never come here.

const Query = z.object({
  exp: z.coerce.number().int().positive(),
  name: z.string().max(300).default(''),
  sig: z.string().min(16).max(200),
})

const message = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

export async function loader({ request, params }: Route.LoaderArgs) {
  const key = params['*'] ?? ''
  const url = new URL(request.url)
  const query = Query.safeParse(Object.fromEntries(url.searchParams))
  if (!isValidKey(key) || !query.success) {
    return message(401, 'This download link is incomplete or has been altered. Open your order page to get a fresh link.')
  }
  const check = verifyLocalFileSignature({ key, ...query.data })
  if (!check.ok) {
    return check.reason === 'expired'
      ? message(410, 'This download link has expired (links last 10 minutes). Open your order page to get a fresh link.')
      : message(401, 'This download link is not valid. Open your order page to get a fresh link.')
  }
  return serveLocalFile(request, key, { contentType: contentTypeForKey(key), downloadName: query.data.name || undefined })
}

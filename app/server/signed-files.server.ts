import { stat } from 'node:fs/promises'
import type { Request, Response } from 'express'
import send from 'send'
import { contentDisposition } from '~/lib/storage/disposition'
import { getLocalStorage } from '~/lib/storage/index.server'
import { contentTypeForKey } from '~/lib/storage/keys'
import { parseRange } from '~/lib/storage/range'
import { checkSignedFileRequest, encodeKeyPath } from '~/lib/storage/signing.server'

// GET/HEAD /files/<key>?exp=…&name=…&sig=…: local-disk downloads behind an HMAC-signed, short-lived
// link (made by storage.signedDownloadUrl; Cloudinary links never come here). Once the signature
// holds, `send` streams the file straight from disk with Range, conditional GET and validators.

function refuse(res: Response, status: number, message: string, headers: Record<string, string> = {}) {
  res.status(status).set({ 'Cache-Control': 'no-store', ...headers }).type('text/plain').send(message)
}

export async function serveSignedFile(req: Request, res: Response) {
  const url = new URL(req.originalUrl, 'http://local')
  let key: string
  try {
    key = decodeURIComponent(url.pathname.replace(/^\/files\//, ''))
  } catch {
    key = ''
  }
  const check = checkSignedFileRequest(key, url.searchParams)
  if (!check.ok) return refuse(res, check.status, check.message)
  const storage = getLocalStorage()

  // send ignores a syntactically broken Range; the store answers 416, as the media routes do.
  const rangeHeader = req.get('range')
  if (rangeHeader !== undefined && parseRange(rangeHeader, Number.MAX_SAFE_INTEGER).type === 'malformed') {
    const info = await stat(storage.pathFor(check.key)).catch(() => null)
    if (!info?.isFile()) return refuse(res, 404, 'File not found.')
    return refuse(res, 416, 'Malformed Range header.', { 'Content-Range': `bytes */${info.size}` })
  }

  // Larger reads than the 64 KB default: fewer trips through the event loop per file.
  const options = { root: storage.root, dotfiles: 'deny', index: false, cacheControl: false, highWaterMark: 256 * 1024 } as const
  const stream = send(req, encodeKeyPath(check.key), options)
  stream.on('headers', () => {
    res.set({
      'Content-Type': contentTypeForKey(check.key),
      'Cache-Control': 'private, no-cache',
      'X-Content-Type-Options': 'nosniff',
    })
    if (check.downloadName) res.set('Content-Disposition', contentDisposition(check.downloadName))
  })
  stream.on('error', (error: { status?: number; headers?: Record<string, string> }) => {
    // A read that fails mid-file cannot change the answer any more: end the connection instead.
    if (res.headersSent) return void res.destroy()
    res.removeHeader('Content-Disposition')
    if (error.status === 416) return refuse(res, 416, 'Requested range is outside the file.', error.headers ?? {})
    if (error.status === 412) return refuse(res, 412, 'The file changed since you last asked for it.')
    refuse(res, 404, 'File not found.')
  })
  stream.pipe(res)
}

import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { contentDisposition } from './disposition'
import { getLocalStorage } from './index.server'
import { parseRange } from './range'

// Streams a file from local storage with the headers players and download managers rely on:
// Range (seeking, resuming), validators (ETag, Last-Modified), HEAD, and a proper filename.

export interface ServeOptions {
  contentType: string
  /** Set to make the browser save the file under this name. */
  downloadName?: string
  cacheControl?: string
}

function text(status: number, message: string, headers: Record<string, string> = {}) {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers } })
}

export async function serveLocalFile(request: Request, key: string, options: ServeOptions): Promise<Response> {
  let file: string
  try {
    file = getLocalStorage().pathFor(key)
  } catch {
    return text(404, 'File not found.')
  }
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return text(404, 'File not found.')

  const size = info.size
  const etag = `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`
  const headers = new Headers({
    'Content-Type': options.contentType,
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    'Cache-Control': options.cacheControl ?? 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
  })
  if (options.downloadName) headers.set('Content-Disposition', contentDisposition(options.downloadName))

  const isHead = request.method === 'HEAD'
  const inm = request.headers.get('if-none-match')
  if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}` || t.trim() === '*')) {
    return new Response(null, { status: 304, headers })
  }

  // If-Range with a stale validator means "send the whole (new) file".
  const ifRange = request.headers.get('if-range')
  const rangeHeader = ifRange && ifRange !== etag && ifRange !== info.mtime.toUTCString() ? null : request.headers.get('range')
  const range = parseRange(rangeHeader, size)

  if (range.type === 'malformed' || range.type === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`)
    headers.set('Content-Type', 'text/plain; charset=utf-8')
    headers.set('Cache-Control', 'no-store')
    headers.delete('Content-Disposition')
    const body = range.type === 'malformed' ? 'Malformed Range header.' : 'Requested range is outside the file.'
    return new Response(isHead ? null : body, { status: 416, headers })
  }

  // Multiple ranges are legal to ignore (RFC 9110 §14.2): answer with the whole file.
  const partial = range.type === 'range'
  const start = partial ? range.start : 0
  const end = partial ? range.end : size - 1
  const length = size === 0 ? 0 : end - start + 1
  headers.set('Content-Length', String(length))
  if (partial) headers.set('Content-Range', `bytes ${start}-${end}/${size}`)
  const status = partial ? 206 : 200
  if (isHead || length === 0) return new Response(null, { status, headers })

  const stream = createReadStream(file, { start, end })
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers })
}

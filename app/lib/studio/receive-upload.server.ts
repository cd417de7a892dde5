import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import busboy from 'busboy'
import type { FileKind } from '~/generated/prisma/enums'
import { getEnv } from '~/lib/env.server'
import { keepOnlyCoverPixels } from './cover-image.server'
import { SNIFF_BYTES, sniffHead, UploadRejected, type Sniffed } from './file-inspect.server'

// Streams one multipart file field to a staging file under DATA_DIR/uploads (never the whole file
// in memory): sha256 and size are computed on the way, the first bytes are sniffed as soon as
// they arrive, and past the size limit the request stream is cut and the staging file removed.
// A cover is then re-encoded (only its pixels are kept), so size and hash are those of what is stored.

/** Room for the multipart boundary and headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024

export interface StagedUpload {
  path: string
  bytes: number
  sha256: string
  originalName: string
  sniffed: Sniffed
}

function tooLarge(maxBytes: number, label: string) {
  const mb = Math.round(maxBytes / (1024 * 1024))
  return new UploadRejected(`This ${label} is larger than the ${mb} MB limit.`, 'too-large')
}

export async function stageUpload(request: Request, opts: { kind: FileKind; maxBytes: number; label: string }): Promise<StagedUpload> {
  const declared = Number(request.headers.get('Content-Length') ?? NaN)
  if (Number.isFinite(declared) && declared > opts.maxBytes + MULTIPART_OVERHEAD) throw tooLarge(opts.maxBytes, opts.label)
  const contentType = request.headers.get('Content-Type') ?? ''
  if (!contentType.toLowerCase().startsWith('multipart/form-data') || !request.body) {
    throw new UploadRejected('Send the file as a multipart form upload.', 'unsupported')
  }

  const dir = path.join(getEnv().DATA_DIR, 'uploads')
  await mkdir(dir, { recursive: true })
  const stagingPath = path.join(dir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`)
  const body = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>)
  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      limits: { files: 1, fileSize: opts.maxBytes, fields: 10, fieldSize: 1024, parts: 12 },
    })
  } catch {
    // busboy throws at once for a multipart type without a boundary.
    throw new UploadRejected('Send the file as a multipart form upload.', 'unsupported')
  }

  let settled = false
  let out: ReturnType<typeof createWriteStream> | undefined
  let outClosed: Promise<void> = Promise.resolve()

  try {
    const staged = await new Promise<StagedUpload>((resolve, reject) => {
      const fail = (error: unknown) => {
        if (settled) return
        settled = true
        // Stop reading the request (no more bytes reach the disk) and drop the partial file. The
        // body is paused, not destroyed, so the client still receives the error response; the
        // server then reads and drops the rest (app/server/discard-unread-body.ts).
        body.unpipe(parser)
        body.pause()
        out?.destroy()
        reject(error)
      }
      let found = false
      parser.on('file', (name, file, info) => {
        if (name !== 'file' || found) {
          file.resume()
          return
        }
        found = true
        const hash = createHash('sha256')
        let bytes = 0
        let head: Buffer[] = []
        let headBytes = 0
        let sniffed: Sniffed | undefined
        let sniffing: Promise<void> | undefined
        out = createWriteStream(stagingPath, { flags: 'wx' })
        const stream = out
        outClosed = new Promise((done) => stream.once('close', () => done()))
        out.on('error', fail)
        const sniff = () =>
          (sniffing ??= sniffHead(opts.kind, Buffer.concat(head)).then((s) => {
            sniffed = s
            head = []
          }, fail))
        file.on('data', (chunk: Buffer) => {
          bytes += chunk.length
          hash.update(chunk)
          if (headBytes < SNIFF_BYTES) {
            head.push(chunk)
            headBytes += chunk.length
            if (headBytes >= SNIFF_BYTES) void sniff()
          }
          if (!out!.write(chunk)) {
            file.pause()
            out!.once('drain', () => file.resume())
          }
        })
        file.on('limit', () => fail(tooLarge(opts.maxBytes, opts.label)))
        file.on('error', () => fail(new UploadRejected('The upload was cut off before it finished. Please retry.', 'unreadable')))
        file.on('end', () => {
          if (settled) return
          void sniff().then(() => {
            if (settled || !sniffed) return
            if (bytes === 0) return fail(new UploadRejected('The file is empty.', 'unreadable'))
            out!.end(() => {
              if (settled) return
              settled = true
              resolve({ path: stagingPath, bytes, sha256: hash.digest('hex'), originalName: info.filename ?? '', sniffed: sniffed! })
            })
          })
        })
      })
      parser.on('error', () => fail(new UploadRejected('The upload was cut off before it finished. Please retry.', 'unreadable')))
      parser.on('partsLimit', () => fail(new UploadRejected('Too many form parts.', 'unreadable')))
      parser.on('close', () => {
        if (!found) fail(new UploadRejected('No file was received. Choose a file and retry.', 'unreadable'))
      })
      body.on('error', () => fail(new UploadRejected('The upload was cut off before it finished. Please retry.', 'unreadable')))
      body.pipe(parser)
    })
    if (opts.kind !== 'COVER') return staged
    const clean = await keepOnlyCoverPixels(staged.path, staged.sniffed)
    return { ...staged, bytes: clean.bytes, sha256: clean.sha256 }
  } catch (error) {
    // A destroyed write stream may still be opening its file: wait until it is closed, then remove.
    await outClosed
    await rm(stagingPath, { force: true })
    throw error
  }
}

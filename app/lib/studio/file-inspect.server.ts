import { fileTypeFromBuffer } from 'file-type'
import { parseFile } from 'music-metadata'
import yauzl from 'yauzl'
import type { FileKind } from '~/generated/prisma/enums'
import { InvalidInputError } from '~/lib/errors'
import { logger } from '~/lib/logger.server'

// Checks an uploaded file by its bytes (magic numbers, then a real parse), never by its name.

/** An upload refused for its content; `kind` says whether it was too big, the wrong type or unreadable. */
export class UploadRejected extends InvalidInputError {}

const SNIFF = {
  PREVIEW: { mimes: ['audio/mpeg'], ext: 'mp3', what: 'an MP3 file' },
  MP3: { mimes: ['audio/mpeg'], ext: 'mp3', what: 'an MP3 file' },
  WAV: { mimes: ['audio/wav', 'audio/vnd.wave', 'audio/wave', 'audio/x-wav'], ext: 'wav', what: 'a WAV file' },
  STEMS: { mimes: ['application/zip'], ext: 'zip', what: 'a zip archive' },
  COVER: { mimes: ['image/png', 'image/jpeg', 'image/webp'], ext: null, what: 'a PNG, JPEG or WebP image' },
} as const satisfies Record<FileKind, { mimes: readonly string[]; ext: string | null; what: string }>

export const SNIFF_BYTES = 4100

export interface Sniffed {
  contentType: string
  ext: string
}

/** Decides from the first bytes whether the file can be the kind asked for (415 if not). */
export async function sniffHead(kind: FileKind, head: Uint8Array): Promise<Sniffed> {
  const rule = SNIFF[kind]
  const type = await fileTypeFromBuffer(head)
  if (!type || !(rule.mimes as readonly string[]).includes(type.mime)) {
    const found = type ? `a ${type.ext.toUpperCase()} file` : 'not a recognised audio, image or zip file'
    throw new UploadRejected(`This should be ${rule.what}, but its content is ${found}. Check you picked the right file.`, 'unsupported')
  }
  return { contentType: type.mime === 'audio/mpeg' ? 'audio/mpeg' : type.mime.startsWith('audio/') ? 'audio/wav' : type.mime, ext: rule.ext ?? type.ext }
}

export interface ZipLimits {
  maxEntries: number
  maxTotalUncompressed: number
  /** Unpacked bytes per byte of archive. Audio barely compresses (about 1.1:1); bombs reach 1000:1. */
  maxRatio?: number
}

export const STEMS_ZIP_LIMITS = { maxEntries: 200, maxTotalUncompressed: 2 * 1024 ** 3, maxRatio: 100 } satisfies ZipLimits

const bomb = (why: string) => new UploadRejected(`The stems zip ${why}; it looks like a zip bomb.`, 'unreadable')

const AUDIO_ENTRY = /\.(wav|wave|aif|aiff|mp3|flac|ogg|m4a)$/i
// Folder entries and the clutter macOS and Windows add are tolerated, not counted as stems.
const IGNORED_ENTRY = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i

/** Full check after the upload is on disk; returns the audio duration where there is one. */
export async function inspectFile(
  kind: FileKind,
  path: string,
  zipLimits = STEMS_ZIP_LIMITS,
): Promise<{ durationMs: number | null }> {
  if (kind === 'COVER') return { durationMs: null }
  if (kind === 'STEMS') {
    await inspectZip(path, zipLimits)
    return { durationMs: null }
  }
  let format
  try {
    // The parser is chosen by the file's extension, which the caller set from the sniffed bytes
    // (music-metadata's MIME-type lookup proved unreliable inside the production server).
    if (!path.toLowerCase().endsWith(`.${SNIFF[kind].ext}`)) throw new Error(`inspectFile needs a .${SNIFF[kind].ext} path`)
    format = (await parseFile(path, { duration: true, skipCovers: true })).format
  } catch (error) {
    logger.warn({ err: error, kind }, 'uploaded audio could not be parsed')
    throw new UploadRejected('The audio in this file could not be read. Export it again and retry.', 'unreadable')
  }
  const expected = kind === 'WAV' ? 'WAVE' : 'MPEG'
  if (format.container !== expected || !format.duration || !Number.isFinite(format.duration)) {
    throw new UploadRejected(`This file does not hold playable ${kind === 'WAV' ? 'WAV' : 'MP3'} audio.`, 'unreadable')
  }
  return { durationMs: Math.round(format.duration * 1000) }
}

function formatGiB(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${+(bytes / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`
}

/**
 * A bounded number of audio entries whose declared total size and inflate ratio are bounded, no
 * overlapping entries (the trick of non-recursive zip bombs), and every entry inflated once to
 * prove it: yauzl fails a stream that yields more or fewer bytes than its entry declares, so a
 * lying header cannot sneak more than the cap past this check. Nothing is written to disk.
 */
export async function inspectZip(path: string, limits: ZipLimits = STEMS_ZIP_LIMITS): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (err, z) => (err || !z ? reject(err) : resolve(z))),
  ).catch(() => {
    throw new UploadRejected('This zip archive is damaged or not a zip file.', 'unreadable')
  })
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new UploadRejected(`The stems zip has ${zip.entryCount} entries; the limit is ${limits.maxEntries}.`, 'unreadable')
    }
    const maxRatio = limits.maxRatio ?? STEMS_ZIP_LIMITS.maxRatio
    const entries: { offset: number; end: number }[] = []
    let total = 0
    let audio = 0
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(new UploadRejected('This zip archive is damaged.', 'unreadable')))
      zip.on('end', () => resolve())
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName
        const isDir = name.endsWith('/')
        if (!isDir && !IGNORED_ENTRY.test(name)) {
          if (!AUDIO_ENTRY.test(name)) {
            reject(new UploadRejected(`The stems zip may hold only audio files; "${name.slice(0, 80)}" is not one.`, 'unreadable'))
            return
          }
          audio++
        }
        total += entry.uncompressedSize
        if (total > limits.maxTotalUncompressed) {
          reject(bomb(`would unpack to more than ${formatGiB(limits.maxTotalUncompressed)}`))
          return
        }
        if (total > maxRatio * zip.fileSize) {
          reject(bomb(`would unpack to more than ${maxRatio} times its own size`))
          return
        }
        // Data starts after the local header, so the next entry can never begin inside this span.
        entries.push({ offset: entry.relativeOffsetOfLocalHeader, end: entry.relativeOffsetOfLocalHeader + entry.compressedSize })
        // Every entry, folders and empty ones included: one declaring 0 bytes may still inflate.
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(bomb('has an entry that cannot be unpacked'))
          stream.on('error', () => reject(bomb('has an entry whose data does not match its declared size')))
          stream.on('end', () => zip.readEntry())
          stream.resume()
        })
      })
      zip.readEntry()
    })
    entries.sort((a, b) => a.offset - b.offset)
    for (let i = 1; i < entries.length; i++) {
      if (entries[i]!.offset < entries[i - 1]!.end || entries[i]!.offset === entries[i - 1]!.offset) {
        throw new UploadRejected('The stems zip has overlapping entries; it looks like a zip bomb.', 'unreadable')
      }
    }
    if (audio === 0) throw new UploadRejected('The stems zip holds no audio files.', 'unreadable')
  } finally {
    zip.close()
  }
}

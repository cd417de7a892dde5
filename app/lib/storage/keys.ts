import type { FileKind } from '~/generated/prisma/enums'

// Storage keys are built by the app (`beats/<beatId>/<kind>.<ext>`), never taken from users; this
// still refuses anything that could escape the storage root if a bad key ever got through.

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

export function isValidKey(key: string): boolean {
  if (key.length === 0 || key.length > 512) return false
  return key.split('/').every((s) => SEGMENT.test(s) && s !== '.' && s !== '..' && !s.includes('..'))
}

export function assertValidKey(key: string): void {
  if (!isValidKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key.slice(0, 80))}`)
}

const EXTENSION_BY_KIND: Record<FileKind, string> = {
  PREVIEW: 'mp3',
  MP3: 'mp3',
  WAV: 'wav',
  STEMS: 'zip',
  COVER: 'png',
}

/** The key a beat's file of one kind is stored under. */
export function beatFileKey(beatId: string, kind: FileKind, ext = EXTENSION_BY_KIND[kind]): string {
  return `beats/${beatId}/${kind.toLowerCase()}.${ext}`
}

const CONTENT_TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  zip: 'application/zip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
}

export function contentTypeForKey(key: string): string {
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase()
  return CONTENT_TYPES[ext] ?? 'application/octet-stream'
}

import type { FileKind } from '~/generated/prisma/enums'

// What each upload slot accepts. Shared by the upload form (hints, client-side size check) and
// the server (which checks the bytes, never the name).

const MB = 1024 * 1024

export interface UploadKind {
  kind: FileKind
  /** URL segment: /studio/beats/:id/upload/:slug */
  slug: string
  label: string
  hint: string
  maxBytes: number
  /** For the file picker only; the server sniffs the content. */
  accept: string
}

export const UPLOAD_KINDS: readonly UploadKind[] = [
  { kind: 'PREVIEW', slug: 'preview', label: 'Preview', hint: 'MP3 anyone can play (tag it if you like)', maxBytes: 20 * MB, accept: 'audio/mpeg,.mp3' },
  { kind: 'MP3', slug: 'mp3', label: 'MP3', hint: 'Untagged MP3, delivered with every license', maxBytes: 50 * MB, accept: 'audio/mpeg,.mp3' },
  { kind: 'WAV', slug: 'wav', label: 'WAV', hint: 'Full-quality WAV for Trackout and Unlimited', maxBytes: 500 * MB, accept: 'audio/wav,.wav' },
  { kind: 'STEMS', slug: 'stems', label: 'Stems', hint: 'A zip of the individual tracks (audio files only)', maxBytes: 2048 * MB, accept: 'application/zip,.zip' },
  { kind: 'COVER', slug: 'cover', label: 'Cover', hint: 'Square PNG, JPEG or WebP, at least 500 px', maxBytes: 10 * MB, accept: 'image/png,image/jpeg,image/webp' },
]

export function uploadKindBySlug(slug: string | undefined): UploadKind | undefined {
  return UPLOAD_KINDS.find((k) => k.slug === slug)
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${(bytes / (1024 * MB)).toFixed(1)} GB`
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

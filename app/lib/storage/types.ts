import type { Readable } from 'node:stream'
import type { FileKind } from '~/generated/prisma/enums'

// The one interface both storage drivers implement (local disk under DATA_DIR, Cloudinary).
// Implementations: ./local.server.ts and ./cloudinary.server.ts; pick one with getStorage().

export interface StoredObject {
  key: string
  bytes: number
  sha256: string
  contentType: string
}

export interface PutOptions {
  kind: FileKind
  contentType: string
  /** Upper bound; the driver stops writing and rejects (nothing left behind) past it. */
  maxBytes?: number
}

export interface SignedUrlOptions {
  kind: FileKind
  /** Absolute expiry. */
  expiresAt: Date
  /** Download filename the browser should save as, e.g. `Night Drive (Trackout).wav`. */
  filename?: string
  contentType: string
}

export interface FileStorage {
  readonly driver: 'local' | 'cloudinary'
  /** Stores bytes under `key` (keys are `beats/<beatId>/<kind>.<ext>`, never user-chosen paths). */
  put(key: string, source: Readable | Buffer, options: PutOptions): Promise<StoredObject>
  delete(key: string, kind: FileKind): Promise<void>
  /** A URL the browser may fetch for a public file (preview, cover); `width` resizes a cover where the driver can. */
  publicUrl(key: string, kind: FileKind, options?: { width?: number }): string
  /** A short-lived URL for a paid file. Pure computation, no network. */
  signedDownloadUrl(key: string, options: SignedUrlOptions): string
}

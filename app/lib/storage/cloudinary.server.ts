import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { v2 as cloudinary, type UploadApiOptions, type UploadApiResponse } from 'cloudinary'
import type { FileKind } from '~/generated/prisma/enums'
import { assertValidKey } from './keys'
import { spoolToFile } from './spool.server'
import type { FileStorage, PutOptions, SignedUrlOptions, StoredObject } from './types'

// Cloudinary driver: every file is an `authenticated` asset (no public URL without a signature).
// Audio is resource_type `video`, zips `raw`, covers `image`. Keys map to public ids: for video
// and image the extension becomes the `format`; raw public ids keep it (Cloudinary's rule).

const LARGE_UPLOAD_BYTES = 100 * 1024 * 1024
const DELIVERY_TYPE = 'authenticated'

export type CloudinaryResourceType = 'video' | 'raw' | 'image'

export function resourceTypeFor(kind: FileKind): CloudinaryResourceType {
  return kind === 'STEMS' ? 'raw' : kind === 'COVER' ? 'image' : 'video'
}

export function publicIdFor(key: string, kind: FileKind): { publicId: string; format: string } {
  assertValidKey(key)
  const dot = key.lastIndexOf('.')
  const format = dot > key.lastIndexOf('/') ? key.slice(dot + 1) : ''
  if (resourceTypeFor(kind) === 'raw' || !format) return { publicId: key, format }
  return { publicId: key.slice(0, dot), format }
}

export interface CloudinaryCredentials {
  cloudName: string
  apiKey: string
  apiSecret: string
  /** Optional API base (e.g. a local fake in tests), from `?upload_prefix=` on the URL. */
  uploadPrefix?: string
}

export function parseCloudinaryUrl(url: string): CloudinaryCredentials {
  const u = new URL(url)
  return {
    cloudName: u.hostname,
    apiKey: decodeURIComponent(u.username),
    apiSecret: decodeURIComponent(u.password),
    uploadPrefix: u.searchParams.get('upload_prefix') ?? undefined,
  }
}

export function createCloudinaryStorage(creds: CloudinaryCredentials, tmpRoot: string): FileStorage {
  cloudinary.config({
    cloud_name: creds.cloudName,
    api_key: creds.apiKey,
    api_secret: creds.apiSecret,
    secure: true,
    // No SDK analytics query string on delivery URLs (keeps them stable and cacheable).
    analytics: false,
    ...(creds.uploadPrefix ? { upload_prefix: creds.uploadPrefix } : {}),
  })

  return {
    driver: 'cloudinary',

    async put(key: string, source: Readable | Buffer, options: PutOptions): Promise<StoredObject> {
      const { publicId } = publicIdFor(key, options.kind)
      // Spool to disk first: we learn the size (upload_stream vs upload_large) and the sha256,
      // and a rejected oversize file never reaches Cloudinary.
      await mkdir(tmpRoot, { recursive: true })
      const tmp = path.join(tmpRoot, `${randomBytes(8).toString('hex')}.upload`)
      const { bytes, sha256 } = await spoolToFile(source, tmp, options.maxBytes)
      try {
        const uploadOptions: UploadApiOptions = {
          resource_type: resourceTypeFor(options.kind),
          type: DELIVERY_TYPE,
          public_id: publicId,
          overwrite: true,
          invalidate: true,
        }
        await (bytes > LARGE_UPLOAD_BYTES ? uploadLarge(tmp, uploadOptions) : uploadStream(tmp, uploadOptions))
      } finally {
        await rm(tmp, { force: true })
      }
      return { key, bytes, sha256, contentType: options.contentType }
    },

    async delete(key: string, kind: FileKind) {
      const { publicId } = publicIdFor(key, kind)
      await cloudinary.uploader.destroy(publicId, { resource_type: resourceTypeFor(kind), type: DELIVERY_TYPE, invalidate: true })
    },

    publicUrl(key: string, kind: FileKind, options?: { width?: number }) {
      const { publicId, format } = publicIdFor(key, kind)
      // A resized cover: Cloudinary's own transformation (f_auto picks WebP/AVIF per browser at its
      // CDN, c_limit never enlarges), signed like every other delivery URL of an authenticated asset.
      if (kind === 'COVER' && options?.width) {
        return cloudinary.url(publicId, {
          resource_type: 'image',
          type: DELIVERY_TYPE,
          sign_url: true,
          secure: true,
          transformation: [{ width: options.width, crop: 'limit', fetch_format: 'auto', quality: 'auto' }],
        })
      }
      return cloudinary.url(publicId, {
        resource_type: resourceTypeFor(kind),
        type: DELIVERY_TYPE,
        sign_url: true,
        secure: true,
        ...(format && resourceTypeFor(kind) !== 'raw' ? { format } : {}),
      })
    },

    signedDownloadUrl(key: string, options: SignedUrlOptions) {
      const { publicId, format } = publicIdFor(key, options.kind)
      return cloudinary.utils.private_download_url(publicId, resourceTypeFor(options.kind) === 'raw' ? '' : format, {
        resource_type: resourceTypeFor(options.kind),
        type: DELIVERY_TYPE,
        expires_at: Math.floor(options.expiresAt.getTime() / 1000),
        attachment: true,
      })
    },
  }
}

function uploadStream(file: string, options: UploadApiOptions): Promise<UploadApiResponse> {
  return new Promise((resolve, reject) => {
    const upload = cloudinary.uploader.upload_stream(options, (error, result) => {
      if (error || !result) reject(new Error(`Cloudinary upload failed: ${error?.message ?? 'no result'}`))
      else resolve(result)
    })
    createReadStream(file).on('error', reject).pipe(upload)
  })
}

function uploadLarge(file: string, options: UploadApiOptions): Promise<UploadApiResponse> {
  return new Promise((resolve, reject) => {
    void cloudinary.uploader.upload_large(file, { ...options, chunk_size: 20 * 1024 * 1024 }, (error, result) => {
      if (error || !result) reject(new Error(`Cloudinary upload failed: ${error?.message ?? 'no result'}`))
      else resolve(result)
    })
  })
}

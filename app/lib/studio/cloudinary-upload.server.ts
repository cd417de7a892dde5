import { randomBytes } from 'node:crypto'
import { v2 as cloudinary } from 'cloudinary'
import { getEnv } from '~/lib/env.server'
import { refreshWaveformAfterUpload } from '~/lib/audio/waveform.server'
import { InvalidInputError } from '~/lib/errors'
import { parseCloudinaryUrl } from '~/lib/storage/cloudinary.server'
import { recordBeatFileUpload } from '~/lib/audio/preview/record-upload.server'
import type { UploadKind } from './upload-kinds'

// Cloudinary uploads go from the browser straight to Cloudinary: the store signs the exact
// parameters (authenticated type, a public id under the beat), then checks what Cloudinary says it
// received (format, size, duration) before recording it. The file never passes through the store.

const RESOURCE_TYPE = { PREVIEW: 'video', MP3: 'video', WAV: 'video', STEMS: 'raw', COVER: 'image' } as const
const FORMATS: Record<UploadKind['kind'], readonly string[]> = {
  PREVIEW: ['mp3'],
  MP3: ['mp3'],
  WAV: ['wav'],
  STEMS: ['zip'],
  COVER: ['png', 'jpg', 'webp'],
}

function credentials() {
  const url = getEnv().CLOUDINARY_URL
  if (!url) throw new Error('CLOUDINARY_URL is not set')
  return parseCloudinaryUrl(url)
}

export function signDirectUpload(beatId: string, upload: UploadKind, bytes: number) {
  if (bytes > upload.maxBytes) throw new InvalidInputError(`This file is larger than the ${Math.round(upload.maxBytes / 1024 / 1024)} MB limit.`, 'too-large')
  const { apiKey, apiSecret, cloudName, uploadPrefix } = credentials()
  const resourceType = RESOURCE_TYPE[upload.kind]
  const suffix = randomBytes(6).toString('hex')
  const publicId = `beats/${beatId}/${upload.slug}-${suffix}${resourceType === 'raw' ? '.zip' : ''}`
  const signed = { timestamp: String(Math.floor(Date.now() / 1000)), public_id: publicId, type: 'authenticated' }
  const signature = cloudinary.utils.api_sign_request(signed, apiSecret)
  return {
    url: `${uploadPrefix ?? 'https://api.cloudinary.com'}/v1_1/${cloudName}/${resourceType}/upload`,
    params: { ...signed, api_key: apiKey, signature },
  }
}

export async function confirmDirectUpload(beatId: string, upload: UploadKind, publicId: string, filename: string) {
  if (!publicId.startsWith(`beats/${beatId}/${upload.slug}-`)) throw new InvalidInputError('That upload does not belong to this beat.')
  const { apiKey, apiSecret, cloudName, uploadPrefix } = credentials()
  cloudinary.config({ api_key: apiKey, api_secret: apiSecret, cloud_name: cloudName, secure: true, ...(uploadPrefix ? { upload_prefix: uploadPrefix } : {}) })
  const resourceType = RESOURCE_TYPE[upload.kind]
  const resource = (await cloudinary.api.resource(publicId, { resource_type: resourceType, type: 'authenticated' })) as {
    bytes: number
    format?: string
    duration?: number
    etag?: string
  }
  const format = (resource.format ?? (resourceType === 'raw' ? publicId.split('.').pop() : '') ?? '').toLowerCase()
  const reject = async (message: string, kind: InvalidInputError['kind']) => {
    await cloudinary.api.delete_resources([publicId], { resource_type: resourceType, type: 'authenticated' }).catch(() => {})
    throw new InvalidInputError(message, kind)
  }
  if (!FORMATS[upload.kind].includes(format)) await reject(`Cloudinary read this file as ${format || 'an unknown format'}; the ${upload.label} must be ${FORMATS[upload.kind].join(', ')}.`, 'unsupported')
  if (resource.bytes > upload.maxBytes) await reject('This file is larger than the limit for this slot.', 'too-large')
  if (resourceType === 'video' && !(resource.duration && resource.duration > 0)) await reject('Cloudinary found no playable audio in this file.', 'unreadable')
  await recordBeatFileUpload(beatId, {
    kind: upload.kind,
    // Storage keys carry the extension; the storage driver maps them back to public ids.
    storageKey: resourceType === 'raw' ? publicId : `${publicId}.${format}`,
    contentType: upload.kind === 'WAV' ? 'audio/wav' : upload.kind === 'STEMS' ? 'application/zip' : upload.kind === 'COVER' ? `image/${format === 'jpg' ? 'jpeg' : format}` : 'audio/mpeg',
    bytes: resource.bytes,
    // Cloudinary reports an MD5 etag, not a sha256; it is recorded as such.
    sha256: resource.etag ? `md5:${resource.etag}` : '',
    durationMs: resource.duration ? Math.round(resource.duration * 1000) : null,
    originalName: filename.slice(0, 200),
  })
  await refreshWaveformAfterUpload(beatId, upload.kind)
  return { ok: true }
}

import type { UploadKind } from '~/lib/studio/upload-kinds'

// Browser side of uploads. Local storage: one multipart POST to the store. Cloudinary: the store
// signs the parameters, the browser sends the file straight to Cloudinary (in 20 MB chunks above
// 100 MB), then tells the store the public id, which the store verifies before recording it.

export type UploadResult = { ok: true } | { ok: false; message: string }
type Progress = (loaded: number, total: number) => void

const CHUNK_THRESHOLD = 100 * 1024 * 1024
const CHUNK_SIZE = 20 * 1024 * 1024

function send(method: string, url: string, body: XMLHttpRequestBodyInit, onProgress: Progress | null, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: unknown }>((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, url)
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v)
    xhr.responseType = 'text'
    if (onProgress) xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded, e.total)
    xhr.onload = () => {
      let parsed: unknown = xhr.responseText
      try {
        parsed = JSON.parse(xhr.responseText)
      } catch {
        // Not JSON (e.g. a proxy's error page): keep the text.
      }
      resolve({ status: xhr.status, body: parsed })
    }
    xhr.onerror = () => resolve({ status: 0, body: null })
    xhr.onabort = () => resolve({ status: 0, body: null })
    xhr.send(body)
  })
}

function errorText(status: number, body: unknown): string {
  if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') return body.error
  if (typeof body === 'string' && body.length > 0 && body.length < 300 && !body.startsWith('<')) return body
  if (status === 0) return 'The connection dropped during the upload. Check your network and retry.'
  if (status === 413) return 'This file is larger than the limit for this slot.'
  return `The upload failed (error ${status}). Please retry.`
}

export async function uploadFile({ beatId, kind, file, mode, onProgress }: {
  beatId: string
  kind: UploadKind
  file: File
  mode: 'local' | 'cloudinary'
  onProgress: Progress
}): Promise<UploadResult> {
  const endpoint = `/studio/beats/${beatId}/upload/${kind.slug}`
  if (mode === 'local') {
    const form = new FormData()
    form.append('file', file, file.name)
    const res = await send('POST', endpoint, form, onProgress)
    const accepted = res.status === 200 && typeof res.body === 'object' && res.body !== null && 'ok' in res.body
    return accepted ? { ok: true } : { ok: false, message: res.status === 200 ? 'Your session ended. Sign in again and retry.' : errorText(res.status, res.body) }
  }
  const json = { 'Content-Type': 'application/json' }
  const signed = await send('POST', endpoint, JSON.stringify({ intent: 'sign', filename: file.name, bytes: file.size }), null, json)
  if (signed.status !== 200) return { ok: false, message: errorText(signed.status, signed.body) }
  const { url, params } = signed.body as { url: string; params: Record<string, string> }
  const uploaded = await sendToCloudinary(url, params, file, onProgress)
  if (!uploaded.ok) return uploaded
  const confirmed = await send('POST', endpoint, JSON.stringify({ intent: 'confirm', publicId: params.public_id, filename: file.name }), null, json)
  return confirmed.status === 200 ? { ok: true } : { ok: false, message: errorText(confirmed.status, confirmed.body) }
}

async function sendToCloudinary(url: string, params: Record<string, string>, file: File, onProgress: Progress): Promise<UploadResult> {
  const chunked = file.size > CHUNK_THRESHOLD
  const uniqueId = `${Date.now()}-${Math.random().toString(36).slice(2)}`
  for (let start = 0; start < file.size || start === 0; start += chunked ? CHUNK_SIZE : file.size) {
    const end = chunked ? Math.min(start + CHUNK_SIZE, file.size) : file.size
    const form = new FormData()
    for (const [k, v] of Object.entries(params)) form.append(k, v)
    form.append('file', chunked ? file.slice(start, end) : file, file.name)
    const headers: Record<string, string> = chunked
      ? { 'X-Unique-Upload-Id': uniqueId, 'Content-Range': `bytes ${start}-${end - 1}/${file.size}` }
      : {}
    const res = await send('POST', url, form, (loaded) => onProgress(start + Math.min(loaded, end - start), file.size), headers)
    if (res.status !== 200) {
      const body = res.body as { error?: { message?: string } } | null
      return { ok: false, message: body?.error?.message ?? errorText(res.status, null) }
    }
    if (!chunked) break
  }
  return { ok: true }
}

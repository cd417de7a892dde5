import { describe, expect, it } from 'vitest'
import { getStorage } from '~/lib/storage/index.server'
import { beatFileKey } from '~/lib/storage/keys'
import { upsertBeatFile } from '~/models/beat/files.server'
import { loader as coverLoader } from '~/routes/media.cover.$beatId'
import { loader as previewLoader } from '~/routes/media.preview.$beatId'
import { makeBeat } from '../factories'
import { fetchFile } from '../utils/signed-files'

// The public media routes, called the way React Router calls them, and the signed /files handler
// of the HTTP server over loopback.

type Args<L extends (...a: never[]) => unknown> = Parameters<L>[0]
const call = <L extends (args: never) => Promise<Response>>(loader: L, url: string, params: Record<string, string>, init: RequestInit = {}) =>
  loader({ request: new Request(`http://store.test${url}`, init), params, context: {} } as unknown as Args<L>)

const audio = Buffer.alloc(4096, 7)

async function beatWithPreview(status: 'PUBLISHED' | 'DRAFT' = 'PUBLISHED') {
  const beat = await makeBeat({ status, withFiles: false })
  const key = beatFileKey(beat.id, 'PREVIEW')
  const stored = await getStorage().put(key, audio, { kind: 'PREVIEW', contentType: 'audio/mpeg' })
  await upsertBeatFile(beat.id, { kind: 'PREVIEW', storageKey: key, contentType: 'audio/mpeg', bytes: stored.bytes, sha256: stored.sha256 })
  return beat
}

describe('GET /media/preview/:beatId', () => {
  it('streams a published beat’s preview with Range support', async () => {
    const beat = await beatWithPreview()
    const full = await call(previewLoader, `/media/preview/${beat.id}`, { beatId: beat.id })
    expect(full.status).toBe(200)
    expect(full.headers.get('content-type')).toBe('audio/mpeg')
    expect(full.headers.get('accept-ranges')).toBe('bytes')
    expect((await full.arrayBuffer()).byteLength).toBe(4096)
    const part = await call(previewLoader, `/media/preview/${beat.id}`, { beatId: beat.id }, { headers: { Range: 'bytes=1000-' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 1000-4095/4096')
    const bad = await call(previewLoader, `/media/preview/${beat.id}`, { beatId: beat.id }, { headers: { Range: 'bytes=oops' } })
    expect(bad.status).toBe(416)
    const head = await call(previewLoader, `/media/preview/${beat.id}`, { beatId: beat.id }, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe('4096')
  })

  it('is a 404 for garbage ids, unknown beats, drafts and a missing file — never a 500', async () => {
    for (const id of ['not-a-uuid', "'; drop table", '0'.repeat(5000), '00000000-0000-4000-8000-000000000000']) {
      expect((await call(previewLoader, `/media/preview/x`, { beatId: id })).status, id.slice(0, 20)).toBe(404)
    }
    const draft = await beatWithPreview('DRAFT')
    expect((await call(previewLoader, `/media/preview/${draft.id}`, { beatId: draft.id })).status).toBe(404)
    const noRow = await makeBeat({ withFiles: false })
    expect((await call(previewLoader, `/media/preview/${noRow.id}`, { beatId: noRow.id })).status).toBe(404)
    // A row whose file vanished from disk.
    const gone = await makeBeat({ withFiles: true })
    const res = await call(previewLoader, `/media/preview/${gone.id}`, { beatId: gone.id })
    expect(res.status).toBe(404)
    expect(await res.text()).toMatch(/not found/i)
  })
})

describe('GET /media/cover/:beatId', () => {
  it('serves the stored cover with cache headers', async () => {
    const beat = await makeBeat({ withFiles: false })
    const png = Buffer.from('89504e470d0a1a0a', 'hex')
    const key = beatFileKey(beat.id, 'COVER')
    const s = await getStorage().put(key, png, { kind: 'COVER', contentType: 'image/png' })
    await upsertBeatFile(beat.id, { kind: 'COVER', storageKey: key, contentType: 'image/png', bytes: s.bytes, sha256: s.sha256 })
    const res = await call(coverLoader, `/media/cover/${beat.id}`, { beatId: beat.id })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('cache-control')).toContain('max-age=3600')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png)
  })

  it('draws a placeholder for a beat without a cover, and 404s for unknown or garbage ids', async () => {
    const beat = await makeBeat({ withFiles: false, status: 'DRAFT' })
    const res = await call(coverLoader, `/media/cover/${beat.id}`, { beatId: beat.id })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('image/svg+xml')
    expect(await res.text()).toContain('<svg')
    expect((await call(coverLoader, '/media/cover/x', { beatId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404)
    expect((await call(coverLoader, '/media/cover/x', { beatId: '../../etc/passwd' })).status).toBe(404)
  })
})

describe('GET /files/*', () => {
  async function signed(expiresAt: Date) {
    const key = 'beats/f1/wav.wav'
    await getStorage().put(key, audio, { kind: 'WAV', contentType: 'audio/wav' })
    return getStorage().signedDownloadUrl(key, { kind: 'WAV', expiresAt, filename: 'Night Drive (Trackout).wav', contentType: 'audio/wav' })
  }

  it('serves a valid signed link as a named attachment, with Range', async () => {
    const url = await signed(new Date(Date.now() + 10 * 60 * 1000))
    const res = await fetchFile(url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('audio/wav')
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''Night%20Drive%20%28Trackout%29.wav`)
    const part = await fetchFile(url, { headers: { Range: 'bytes=0-9' } })
    expect(part.status).toBe(206)
  })

  it('answers like a file server: validators, conditional GET, HEAD, no caching by others, 416 with a sentence', async () => {
    const url = await signed(new Date(Date.now() + 10 * 60 * 1000))
    const res = await fetchFile(url)
    expect(res.headers.get('cache-control')).toBe('private, no-cache')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(res.headers.get('content-length')).toBe('4096')
    expect(res.headers.get('last-modified')).toMatch(/GMT$/)
    expect(Buffer.from(await res.arrayBuffer()).equals(audio)).toBe(true)
    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/)
    expect((await fetchFile(url, { headers: { 'If-None-Match': etag } })).status).toBe(304)
    const head = await fetchFile(url, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe('4096')
    const part = await fetchFile(url, { headers: { Range: 'bytes=4000-' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 4000-4095/4096')
    expect(Buffer.from(await part.arrayBuffer()).equals(audio.subarray(4000))).toBe(true)
    // A stale If-Range validator means the whole (new) file.
    expect((await fetchFile(url, { headers: { Range: 'bytes=0-9', 'If-Range': '"stale"' } })).status).toBe(200)
    for (const [range, message] of [['bytes=5000-', /outside the file/], ['bytes=oops', /Malformed/]] as const) {
      const refused = await fetchFile(url, { headers: { Range: range } })
      expect(refused.status, range).toBe(416)
      expect(refused.headers.get('content-range')).toBe('bytes */4096')
      expect(refused.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(refused.headers.get('content-disposition')).toBeNull()
      expect(await refused.text()).toMatch(message)
    }
  })

  it('answers expired links with 410, tampered or incomplete links with 401, missing files with 404', async () => {
    const expired = await signed(new Date(Date.now() - 1000))
    const e = await fetchFile(expired)
    expect(e.status).toBe(410)
    expect(await e.text()).toMatch(/expired/)
    const ok = await signed(new Date(Date.now() + 60_000))
    const tampered = ok.replace('wav.wav', 'mp3.mp3')
    expect((await fetchFile(tampered)).status).toBe(401)
    const noSig = ok.replace(/&sig=.*/, '')
    const r = await fetchFile(noSig)
    expect(r.status).toBe(401)
    expect(await r.text()).toMatch(/order page/)
    expect((await fetchFile('/files/../../etc/passwd?exp=1&sig=xxxxxxxxxxxxxxxxxxxx')).status).toBe(401)
    await getStorage().delete('beats/f1/wav.wav', 'WAV')
    expect((await fetchFile(ok)).status).toBe(404)
  })
})

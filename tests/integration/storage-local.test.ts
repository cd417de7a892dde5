import { createHash } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { getEnv } from '~/lib/env.server'
import { getStorage, getLocalStorage } from '~/lib/storage/index.server'
import { FileTooLargeError } from '~/lib/storage/spool.server'
import { serveLocalFile } from '~/lib/storage/serve.server'
import { signLocalFileUrl, verifyLocalFileSignature } from '~/lib/storage/signing.server'

// The local driver against a real DATA_DIR: writes, limits, atomicity, traversal, serving, signing.

const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251))
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

async function stored(key: string, data = bytes) {
  await getStorage().put(key, data, { kind: 'MP3', contentType: 'audio/mpeg' })
  return key
}

const get = (headers: Record<string, string> = {}, method = 'GET') => new Request('http://store.test/x', { method, headers })

describe('local storage', () => {
  it('is the default driver, under DATA_DIR/files', () => {
    const storage = getLocalStorage()
    expect(getStorage().driver).toBe('local')
    expect(storage.root).toBe(path.resolve(getEnv().DATA_DIR, 'files'))
  })

  it('stores buffers and streams, reporting size and sha256', async () => {
    const storage = getLocalStorage()
    const a = await storage.put('beats/a/mp3.mp3', bytes, { kind: 'MP3', contentType: 'audio/mpeg' })
    expect(a).toEqual({ key: 'beats/a/mp3.mp3', bytes: 1000, sha256: sha(bytes), contentType: 'audio/mpeg' })
    const chunks = [bytes.subarray(0, 300), bytes.subarray(300)]
    const b = await storage.put('beats/b/wav.wav', Readable.from(chunks), { kind: 'WAV', contentType: 'audio/wav' })
    expect(b.sha256).toBe(sha(bytes))
    expect(await readFile(storage.pathFor('beats/b/wav.wav'))).toEqual(bytes)
    // Replacing keeps the key and swaps the content whole.
    const other = Buffer.from('replacement')
    await storage.put('beats/a/mp3.mp3', other, { kind: 'MP3', contentType: 'audio/mpeg' })
    expect(await readFile(storage.pathFor('beats/a/mp3.mp3'))).toEqual(other)
    await storage.delete('beats/a/mp3.mp3', 'MP3')
    expect(await storage.exists('beats/a/mp3.mp3')).toBe(false)
    await storage.delete('beats/a/mp3.mp3', 'MP3') // deleting twice is fine
  })

  it('rejects a file over maxBytes and leaves nothing behind, not even the previous half', async () => {
    const storage = getLocalStorage()
    await storage.put('beats/c/stems.zip', Buffer.from('old'), { kind: 'STEMS', contentType: 'application/zip' })
    const big = Readable.from([bytes, bytes, bytes])
    await expect(storage.put('beats/c/stems.zip', big, { kind: 'STEMS', contentType: 'application/zip', maxBytes: 1500 })).rejects.toBeInstanceOf(FileTooLargeError)
    expect((await readFile(storage.pathFor('beats/c/stems.zip'))).toString()).toBe('old')
    expect(readdirSync(path.join(storage.root, '.tmp'))).toEqual([])
  })

  it('never exposes a half-written file and cleans up when the source fails', async () => {
    const storage = getLocalStorage()
    const key = 'beats/d/wav.wav'
    let seenDuringWrite: boolean | undefined
    async function* slow() {
      yield bytes
      seenDuringWrite = existsSync(storage.pathFor(key))
      throw new Error('connection dropped')
    }
    await expect(storage.put(key, Readable.from(slow()), { kind: 'WAV', contentType: 'audio/wav' })).rejects.toThrow('connection dropped')
    expect(seenDuringWrite).toBe(false)
    expect(existsSync(storage.pathFor(key))).toBe(false)
    expect(readdirSync(path.join(storage.root, '.tmp'))).toEqual([])
  })

  it('refuses keys that would leave the storage root', async () => {
    const storage = getLocalStorage()
    for (const key of ['../outside.mp3', 'beats/../../outside.mp3', '/etc/passwd', 'beats/%2e%2e/x']) {
      await expect(storage.put(key, bytes, { kind: 'MP3', contentType: 'audio/mpeg' }), key).rejects.toThrow(/Invalid storage key/)
      expect(() => storage.pathFor(key)).toThrow()
    }
    expect(existsSync(path.resolve(storage.root, '../outside.mp3'))).toBe(false)
  })
})

describe('serveLocalFile', () => {
  it('serves the whole file with validators and range support advertised', async () => {
    const key = await stored('beats/s/preview.mp3')
    const res = await serveLocalFile(get(), key, { contentType: 'audio/mpeg' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('audio/mpeg')
    expect(res.headers.get('content-length')).toBe('1000')
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/)
    expect(res.headers.get('last-modified')).toMatch(/GMT$/)
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes)
    const again = await serveLocalFile(get({ 'If-None-Match': res.headers.get('etag') ?? '' }), key, { contentType: 'audio/mpeg' })
    expect(again.status).toBe(304)
  })

  it('answers single ranges with 206 and exact bytes', async () => {
    const key = await stored('beats/s/preview.mp3')
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=900-', 900, 999],
      ['bytes=-100', 900, 999],
      ['bytes=995-5000', 995, 999],
    ]
    for (const [header, start, end] of cases) {
      const res = await serveLocalFile(get({ Range: header }), key, { contentType: 'audio/mpeg' })
      expect(res.status, header).toBe(206)
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/1000`)
      expect(res.headers.get('content-length')).toBe(String(end - start + 1))
      expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes.subarray(start, end + 1))
    }
  })

  it('answers malformed and unsatisfiable ranges with 416, and multiple ranges with the whole file', async () => {
    const key = await stored('beats/s/preview.mp3')
    for (const header of ['bytes=abc', 'bytes=5-1', 'pages=1-2', 'bytes=1000-', 'bytes=5000-6000']) {
      const res = await serveLocalFile(get({ Range: header }), key, { contentType: 'audio/mpeg' })
      expect(res.status, header).toBe(416)
      expect(res.headers.get('content-range')).toBe('bytes */1000')
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    }
    const multi = await serveLocalFile(get({ Range: 'bytes=0-1,5-6' }), key, { contentType: 'audio/mpeg' })
    expect(multi.status).toBe(200)
    expect((await multi.arrayBuffer()).byteLength).toBe(1000)
    // A stale If-Range validator means the client must get the new file whole.
    const stale = await serveLocalFile(get({ Range: 'bytes=0-9', 'If-Range': '"stale"' }), key, { contentType: 'audio/mpeg' })
    expect(stale.status).toBe(200)
  })

  it('supports HEAD, download names and 404 for missing or invalid keys', async () => {
    const key = await stored('beats/s/wav.wav')
    const head = await serveLocalFile(get({}, 'HEAD'), key, { contentType: 'audio/wav', downloadName: 'Night Drive (Trackout).wav' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe('1000')
    expect(head.body).toBeNull()
    expect(head.headers.get('content-disposition')).toBe(
      `attachment; filename="Night Drive (Trackout).wav"; filename*=UTF-8''Night%20Drive%20%28Trackout%29.wav`,
    )
    const headRange = await serveLocalFile(get({ Range: 'bytes=0-9' }, 'HEAD'), key, { contentType: 'audio/wav' })
    expect(headRange.status).toBe(206)
    expect(headRange.headers.get('content-length')).toBe('10')
    expect((await serveLocalFile(get(), 'beats/none/x.mp3', { contentType: 'audio/mpeg' })).status).toBe(404)
    expect((await serveLocalFile(get(), '../../etc/passwd', { contentType: 'audio/mpeg' })).status).toBe(404)
  })

  it('serves an empty file without a range', async () => {
    const storage = getLocalStorage()
    await mkdir(path.dirname(storage.pathFor('beats/e/x.mp3')), { recursive: true })
    await writeFile(storage.pathFor('beats/e/x.mp3'), '')
    const res = await serveLocalFile(get(), 'beats/e/x.mp3', { contentType: 'audio/mpeg' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe('0')
  })
})

describe('signed local download URLs', () => {
  const parse = (url: string) => {
    const u = new URL(url, 'http://store.test')
    return { key: decodeURIComponent(u.pathname.replace(/^\/files\//, '')), exp: Number(u.searchParams.get('exp')), name: u.searchParams.get('name') ?? '', sig: u.searchParams.get('sig') ?? '' }
  }

  it('signs with a 10-minute style expiry and verifies', () => {
    const expiresAt = new Date(Date.now() + 10 * 60 * 1000)
    const url = getStorage().signedDownloadUrl('beats/x/wav.wav', { kind: 'WAV', expiresAt, filename: 'Night Drive (Trackout).wav', contentType: 'audio/wav' })
    expect(url).toMatch(/^\/files\/beats\/x\/wav\.wav\?exp=\d+&name=Night\+Drive\+%28Trackout%29\.wav&sig=[\w-]+$/)
    const p = parse(url)
    expect(p.exp).toBe(Math.floor(expiresAt.getTime() / 1000))
    expect(verifyLocalFileSignature(p)).toEqual({ ok: true })
  })

  it('rejects tampering with key, name, expiry or signature, and expired links', () => {
    const p = parse(signLocalFileUrl('beats/x/wav.wav', { expiresAt: new Date(Date.now() + 60_000), filename: 'a.wav' }))
    expect(verifyLocalFileSignature({ ...p, key: 'beats/y/wav.wav' })).toEqual({ ok: false, reason: 'invalid' })
    expect(verifyLocalFileSignature({ ...p, name: 'b.wav' })).toEqual({ ok: false, reason: 'invalid' })
    expect(verifyLocalFileSignature({ ...p, exp: p.exp + 3600 })).toEqual({ ok: false, reason: 'invalid' })
    expect(verifyLocalFileSignature({ ...p, sig: p.sig.slice(0, -2) + 'AA' })).toEqual({ ok: false, reason: 'invalid' })
    expect(verifyLocalFileSignature({ ...p, sig: '' })).toEqual({ ok: false, reason: 'invalid' })
    expect(verifyLocalFileSignature(p, new Date(p.exp * 1000 + 1))).toEqual({ ok: false, reason: 'expired' })
  })
})

import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { accessCookieHeader, createOrderAccessToken } from '~/lib/access/order-access.server'
import { prisma } from '~/models/db.server'
import { getStorage } from '~/lib/storage/index.server'
import type { DownloadKind } from '~/lib/tiers'
import { upsertBeatFile } from '~/models/beat/files.server'
import { loader as downloadLoader } from '~/routes/downloads.$itemId.$kind'
import { makeBeat } from '../factories'
import { makePaidOrder } from '../factories-orders'
import { callRoute } from '../utils/route'
import { fetchFile } from '../utils/signed-files'

// The download route end to end against real Postgres and the local storage driver: decide, log,
// redirect to a signed URL, and the server's signed file handler serving the exact stored bytes.

const EMAIL = 'buyer@example.test'
const FILES: Record<DownloadKind, { ext: string; type: string }> = {
  MP3: { ext: 'mp3', type: 'audio/mpeg' },
  WAV: { ext: 'wav', type: 'audio/wav' },
  STEMS: { ext: 'zip', type: 'application/zip' },
}

async function beatWithStoredFiles(title = 'Night Drive') {
  const beat = await makeBeat({ title, withFiles: false })
  const bytes = {} as Record<DownloadKind, Buffer>
  for (const kind of ['MP3', 'WAV', 'STEMS'] as const) {
    bytes[kind] = randomBytes(50_000 + Math.floor(Math.random() * 1000))
    const key = `beats/${beat.id}/${kind.toLowerCase()}.${FILES[kind].ext}`
    const stored = await getStorage().put(key, bytes[kind], { kind, contentType: FILES[kind].type })
    await upsertBeatFile(beat.id, { kind, storageKey: stored.key, contentType: FILES[kind].type, bytes: stored.bytes, sha256: stored.sha256 })
  }
  return { beat, bytes }
}

async function cookieFor(email: string, now = new Date(), ttlMs?: number) {
  const { token, expiresAt } = createOrderAccessToken(email, { now, ...(ttlMs ? { ttlMs } : {}) })
  return (await accessCookieHeader(new Request('http://store.test/'), token, expiresAt)).split(';')[0]!
}

interface Answer {
  status: number
  location: string | null
  headers: Headers
  data: unknown
}

async function download(itemId: string, kind: string, opts: { cookie?: string; method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const request = new Request(`http://store.test/downloads/${itemId}/${kind}`, {
    method: opts.method ?? 'GET',
    headers: { 'User-Agent': 'vitest-browser/1.0', ...(opts.cookie ? { Cookie: opts.cookie } : {}), ...opts.headers },
  })
  const { status, location, headers, data, response } = await callRoute(downloadLoader, request, { itemId, kind }, '203.0.113.7')
  return { status, location, headers, data: response ? null : data }
}

/** A signed link as the browser follows it: through the HTTP server's /files handler. */
const fetchSigned = (location: string, headers: Record<string, string> = {}) => fetchFile(new URL(location, 'http://store.test').toString(), { headers })

const logs = (orderItemId: string) => prisma.downloadLog.findMany({ where: { orderItemId }, orderBy: { id: 'asc' } })

describe('allowed downloads', () => {
  it('log time, IP, user agent and file, then 302 to a 10-minute signed URL serving the stored bytes', async () => {
    const { beat, bytes } = await beatWithStoredFiles('Night Drive')
    const order = await makePaidOrder({ email: EMAIL, lines: [{ tier: 'BASIC', beatId: beat.id }, { tier: 'TRACKOUT', beatId: beat.id }] })
    const [basic, trackout] = order.items
    const cookie = await cookieFor(EMAIL)
    for (const [line, kind] of [[basic!, 'mp3'], [trackout!, 'mp3'], [trackout!, 'wav'], [trackout!, 'stems']] as const) {
      const res = await download(line.id, kind, { cookie })
      expect(res.status).toBe(302)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      const file = await fetchSigned(res.location!)
      expect(file.status).toBe(200)
      const upper = kind.toUpperCase() as DownloadKind
      expect(Buffer.from(await file.arrayBuffer()).equals(bytes[upper])).toBe(true)
      expect(file.headers.get('Content-Type')).toBe(FILES[upper].type)
      expect(file.headers.get('Content-Length')).toBe(String(bytes[upper].length))
    }
    const wav = await download(trackout!.id, 'wav', { cookie })
    const exp = Number(new URL(wav.location!, 'http://store.test').searchParams.get('exp'))
    expect(Math.abs(exp - (Date.now() / 1000 + 600))).toBeLessThan(5) // a fresh 10-minute link
    const file = await fetchSigned(wav.location!)
    expect(decodeURIComponent(file.headers.get('Content-Disposition') ?? '')).toContain('Night Drive (Trackout).wav')
    const rows = await logs(trackout!.id)
    expect(rows.map((r) => [r.fileKind, r.allowed])).toEqual([['MP3', true], ['WAV', true], ['STEMS', true], ['WAV', true]])
    expect(rows[0]).toMatchObject({ ip: '203.0.113.7', userAgent: 'vitest-browser/1.0', reason: null })
    expect(wav.headers.get('X-Downloads-Remaining')).toBe('8')
  })

  it('HEAD answers without spending a download or writing anything; Range on the route is a normal logged download', async () => {
    const { beat, bytes } = await beatWithStoredFiles()
    const order = await makePaidOrder({ email: EMAIL, lines: [{ tier: 'BASIC', beatId: beat.id }] })
    const line = order.items[0]!
    const cookie = await cookieFor(EMAIL)
    const head = await download(line.id, 'mp3', { cookie, method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('X-Downloads-Remaining')).toBe('10')
    expect(head.location).toBeNull()
    expect((await download(line.id, 'stems', { cookie, method: 'HEAD' })).status).toBe(403)
    expect(await logs(line.id)).toHaveLength(0)

    const ranged = await download(line.id, 'mp3', { cookie, headers: { Range: 'bytes=100-199' } })
    expect(ranged.status).toBe(302)
    expect(await logs(line.id)).toHaveLength(1)
    // The signed file URL is where ranges are served.
    const part = await fetchSigned(ranged.location!, { Range: 'bytes=100-199' })
    expect(part.status).toBe(206)
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.MP3.subarray(100, 200))).toBe(true)
  })

  it('two tabs racing for the last downloads get exactly the limit', async () => {
    const { beat } = await beatWithStoredFiles()
    const order = await makePaidOrder({ email: EMAIL, lines: [{ tier: 'BASIC', beatId: beat.id }] })
    const cookie = await cookieFor(EMAIL)
    const answers = await Promise.all(Array.from({ length: 14 }, () => download(order.items[0]!.id, 'mp3', { cookie })))
    expect(answers.filter((a) => a.status === 302)).toHaveLength(10)
    expect(answers.filter((a) => a.status === 429)).toHaveLength(4)
  })
})

describe('refusals', () => {
  it('403 for a file the tier does not cover, naming Trackout and linking the beat; logged as refused', async () => {
    const { beat } = await beatWithStoredFiles()
    const order = await makePaidOrder({ email: EMAIL, lines: [{ tier: 'BASIC', beatId: beat.id }] })
    const res = await download(order.items[0]!.id, 'stems', { cookie: await cookieFor(EMAIL) })
    expect(res.status).toBe(403)
    expect(res.data).toMatchObject({
      reason: 'NOT_INCLUDED',
      message: 'Your Basic license covers the MP3; stems come with Trackout.',
      upgradeTier: 'TRACKOUT',
      beatSlug: beat.slug,
    })
    expect((await logs(order.items[0]!.id)).map((r) => [r.allowed, r.reason])).toEqual([[false, 'NOT_INCLUDED']])
  })

  it('410 refunded line, 423 disputed order, 403 unpaid order', async () => {
    const { beat } = await beatWithStoredFiles()
    const cookie = await cookieFor(EMAIL)
    const refunded = await makePaidOrder({ email: EMAIL, lines: [{ tier: 'BASIC', beatId: beat.id, status: 'REFUNDED' }, { tier: 'BASIC', beatId: beat.id }] })
    expect((await download(refunded.items[0]!.id, 'mp3', { cookie })).status).toBe(410)
    expect((await download(refunded.items[1]!.id, 'mp3', { cookie })).status).toBe(302) // a partial refund revokes only its line
    const disputed = await makePaidOrder({ email: EMAIL, status: 'DISPUTED', lines: [{ tier: 'BASIC', beatId: beat.id }] })
    const d = await download(disputed.items[0]!.id, 'mp3', { cookie })
    expect(d.status).toBe(423)
    expect(d.data).toMatchObject({ reason: 'DISPUTED' })
    const pending = await makePaidOrder({ email: EMAIL, status: 'PENDING', lines: [{ tier: 'BASIC', beatId: beat.id }] })
    expect((await download(pending.items[0]!.id, 'mp3', { cookie })).status).toBe(403)
  })

  it('429 after 10 downloads of one file, per file; a producer reset gives them back', async () => {
    const { beat } = await beatWithStoredFiles()
    const order = await makePaidOrder({ email: EMAIL, lines: [{ tier: 'TRACKOUT', beatId: beat.id }] })
    const line = order.items[0]!
    const cookie = await cookieFor(EMAIL)
    for (let i = 0; i < 10; i++) expect((await download(line.id, 'wav', { cookie })).status).toBe(302)
    const over = await download(line.id, 'wav', { cookie })
    expect(over.status).toBe(429)
    expect(over.data).toMatchObject({ reason: 'LIMIT_REACHED' })
    expect((await download(line.id, 'mp3', { cookie })).status).toBe(302)
    await prisma.orderItem.update({ where: { id: line.id }, data: { downloadsResetAt: new Date() } })
    expect((await download(line.id, 'wav', { cookie })).status).toBe(302)
  })

  it('401 without a link or with a guessed one, 410 for an expired one (offering a fresh link); nothing written', async () => {
    const { beat } = await beatWithStoredFiles()
    const order = await makePaidOrder({ email: EMAIL, lines: [{ tier: 'BASIC', beatId: beat.id }] })
    const id = order.items[0]!.id
    expect((await download(id, 'mp3')).status).toBe(401)
    expect((await download(id, 'mp3', { cookie: 'bs_order_access=Imd1ZXNzZWQuZ3Vlc3NlZCI%3D' })).status).toBe(401)
    const expired = await download(id, 'mp3', { cookie: await cookieFor(EMAIL, new Date(Date.now() - 31 * 60_000)) })
    expect(expired.status).toBe(410)
    expect(expired.data).toMatchObject({ reason: 'LINK_EXPIRED', email: EMAIL })
    expect(await logs(id)).toHaveLength(0)
  })

  it('404 for another buyer’s line, a token for another address, and malformed ids or kinds; nothing written', async () => {
    const { beat } = await beatWithStoredFiles()
    const mine = await makePaidOrder({ email: EMAIL, lines: [{ tier: 'BASIC', beatId: beat.id }] })
    const theirs = await makePaidOrder({ email: 'other@example.test', lines: [{ tier: 'BASIC', beatId: beat.id }] })
    const cookie = await cookieFor(EMAIL)
    expect((await download(theirs.items[0]!.id, 'mp3', { cookie })).status).toBe(404)
    expect((await download(mine.items[0]!.id, 'mp3', { cookie: await cookieFor('other@example.test') })).status).toBe(404)
    expect((await download('not-a-uuid', 'mp3', { cookie })).status).toBe(404)
    expect((await download(mine.items[0]!.id, 'flac', { cookie })).status).toBe(404)
    expect((await download(mine.items[0]!.id, '..%2F..%2Fetc%2Fpasswd', { cookie })).status).toBe(404)
    expect(await logs(theirs.items[0]!.id)).toHaveLength(0)
    expect(await logs(mine.items[0]!.id)).toHaveLength(0)
  })
})

describe('signed file URLs (local driver)', () => {
  it('are refused when tampered with, expired, or pointed at another key', async () => {
    const { beat } = await beatWithStoredFiles()
    const order = await makePaidOrder({ email: EMAIL, lines: [{ tier: 'TRACKOUT', beatId: beat.id }] })
    const res = await download(order.items[0]!.id, 'wav', { cookie: await cookieFor(EMAIL) })
    const good = new URL(res.location!, 'http://store.test')
    expect((await fetchSigned(good.toString())).status).toBe(200)
    // Another key with the same signature.
    const otherKey = new URL(good)
    otherKey.pathname = good.pathname.replace('wav.wav', 'stems.zip')
    expect((await fetchSigned(otherKey.toString())).status).toBeGreaterThanOrEqual(400)
    // Any changed query parameter breaks the signature.
    for (const [name, value] of good.searchParams) {
      const tampered = new URL(good)
      tampered.searchParams.set(name, value.slice(0, -1) + (value.endsWith('0') ? '1' : '0'))
      expect((await fetchSigned(tampered.toString())).status).toBeGreaterThanOrEqual(400)
    }
    // Path traversal in the key.
    const traversal = new URL(good)
    traversal.pathname = '/files/beats/../../../etc/passwd'
    expect((await fetchSigned(traversal.toString())).status).toBeGreaterThanOrEqual(400)
    // Expired: a URL signed in the past.
    const storage = getStorage()
    const stale = storage.signedDownloadUrl(`beats/${beat.id}/wav.wav`, { kind: 'WAV', contentType: 'audio/wav', expiresAt: new Date(Date.now() - 1000) })
    expect((await fetchSigned(stale)).status).toBeGreaterThanOrEqual(400)
  })
})

describe('download everything (zip)', () => {
  it('streams every allowed file as a zip, logging each; refuses strangers', async () => {
    const { zipLoader, yauzl } = { zipLoader: (await import('~/routes/downloads.order.$orderId.zip')).loader, yauzl: (await import('yauzl')).default }
    const { beat, bytes } = await beatWithStoredFiles('Zip Me')
    const order = await makePaidOrder({ email: EMAIL, lines: [{ tier: 'BASIC', beatId: beat.id }, { tier: 'TRACKOUT', beatId: beat.id }] })
    const call = async (cookie?: string) => {
      const request = new Request(`http://store.test/downloads/order/${order.id}/zip`, { headers: cookie ? { Cookie: cookie } : {} })
      const answer = await callRoute(zipLoader, request, { orderId: order.id }, '127.0.0.1')
      return answer.response ?? new Response(null, { status: answer.status })
    }
    const stranger = await call()
    expect(stranger.status).toBe(401)
    // A browser navigated here: the refusal is a readable page, not a JSON string.
    expect(stranger.headers.get('Content-Type')).toMatch(/^text\/html/)
    const page = await stranger.text()
    expect(page).toContain('<h1>')
    expect(page).toContain('Open your orders through the link we email you')
    expect(page).not.toMatch(/^"/)
    expect((await call(await cookieFor('other@example.test'))).status).toBe(404)
    const res = await call(await cookieFor(EMAIL))
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/zip')
    const zip = Buffer.from(await res.arrayBuffer())
    const entries = await new Promise<Record<string, Buffer>>((resolve, reject) => {
      const out: Record<string, Buffer> = {}
      yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
        if (err || !file) return reject(err)
        file.on('entry', (entry: { fileName: string }) => {
          file.openReadStream(entry as never, (e, stream) => {
            if (e || !stream) return reject(e)
            const chunks: Buffer[] = []
            stream.on('data', (c: Buffer) => chunks.push(c))
            stream.on('end', () => {
              out[entry.fileName] = Buffer.concat(chunks)
              file.readEntry()
            })
          })
        })
        file.on('end', () => resolve(out))
        file.readEntry()
      })
    })
    expect(Object.keys(entries)).toEqual([
      '01 Zip Me (Basic).mp3',
      '02 Zip Me (Trackout).mp3',
      '03 Zip Me (Trackout).wav',
      '04 Zip Me (Trackout).zip',
      'Licenses/01 Zip Me (Basic) license.pdf',
      'Licenses/02 Zip Me (Trackout) license.pdf',
    ])
    expect(entries['Licenses/02 Zip Me (Trackout) license.pdf']!.subarray(0, 5).toString()).toBe('%PDF-')
    expect(entries['03 Zip Me (Trackout).wav']!.equals(bytes.WAV)).toBe(true)
    expect(entries['04 Zip Me (Trackout).zip']!.equals(bytes.STEMS)).toBe(true)
    expect(await prisma.downloadLog.count({ where: { orderItemId: { in: order.items.map((i) => i.id) }, allowed: true } })).toBe(4)
  })
})

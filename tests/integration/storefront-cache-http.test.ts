import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveBeatDetails, setBeatStatus } from '~/models/studio-beat.server'
import { makeBeat, makeProducer } from '../factories'
import { startServer, type StartedServer } from '../utils/start-server'

// The production build's storefront validators: 200 with an ETag → 304 for If-None-Match → a new
// page once a beat is edited or published. Needs the production build (`npm test` builds first).

let server: StartedServer
let beat: Awaited<ReturnType<typeof makeBeat>>
let producerSlug: string

const details = { bpm: 90, musicalKey: 'A minor', genre: 'Trap', mood: 'Dark', tags: [], description: '' }

beforeAll(async () => {
  const producer = await makeProducer()
  producerSlug = producer.slug
  beat = await makeBeat({ producerId: producer.id })
  server = await startServer({ databaseUrl: process.env.DATABASE_URL!, dataPrefix: 'beatstall-storefront-cache-' })
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${server.origin}${pathname}`, { redirect: 'manual', headers })

describe('storefront caching over HTTP', () => {
  it('answers 200 with a validator, then 304 without a body, for pages and their .data requests', async () => {
    for (const path of ['/', `/beats/${beat.slug}`, `/producers/${producerSlug}`, `/beats/${beat.slug}.data`, '/_root.data']) {
      const first = await get(path)
      expect(first.status, path).toBe(200)
      const body = await first.text()
      const nonce = /'nonce-([^']+)'/.exec(first.headers.get('content-security-policy') ?? '')?.[1]
      expect(nonce, path).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      if (!path.endsWith('.data')) expect(body, path).toContain(`nonce="${nonce}"`)
      const etag = first.headers.get('etag')
      expect(etag, path).toMatch(/^W\/"c\d+-[\w-]{16}"$/)
      expect(first.headers.get('cache-control'), path).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600')
      expect(first.headers.get('vary'), path).toMatch(/Cookie/)
      const again = await get(path, { 'If-None-Match': etag! })
      expect(again.status, path).toBe(304)
      expect(await again.text(), path).toBe('')
      // A 304's headers replace the stored ones: its policy names the nonce the stored HTML carries.
      expect(again.headers.get('content-security-policy'), path).toContain(`'nonce-${nonce}'`)
      expect(again.headers.get('etag'), path).toBe(etag)
    }
    const html = await get('/')
    const data = await get('/_root.data')
    expect(html.headers.get('etag')).not.toBe(data.headers.get('etag'))
  })

  it('gives a new page after a beat is edited or published', async () => {
    const path = `/beats/${beat.slug}`
    const before = (await get(path)).headers.get('etag')!
    const catalogBefore = (await get('/')).headers.get('etag')!
    await saveBeatDetails(beat.id, { ...details, title: 'Renamed For Cache' })
    const after = await get(path, { 'If-None-Match': before })
    expect(after.status).toBe(200)
    expect(await after.text()).toContain('Renamed For Cache')
    expect(after.headers.get('etag')).not.toBe(before)

    const draft = await makeBeat({ status: 'DRAFT', title: 'Fresh Off The Press', withFiles: true })
    const catalogMid = (await get('/')).headers.get('etag')!
    expect(catalogMid).not.toBe(catalogBefore)
    await setBeatStatus(draft.id, 'PUBLISHED', new Date())
    const published = await get('/', { 'If-None-Match': catalogMid })
    expect(published.status).toBe(200)
    expect(await published.text()).toContain('Fresh Off The Press')
  })

  it('keeps signed-in producers, unknown pages and everything else private and without a validator', async () => {
    const signedIn = await get('/', { Cookie: '__beatstall_studio=anything' })
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
    expect(signedIn.headers.get('etag')).toBeNull()
    const missing = await get('/beats/no-such-beat-here')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('etag')).toBeNull()
    expect(missing.headers.get('cache-control')).toBe('private, no-store')
    for (const path of ['/cart', '/orders', '/studio/login']) {
      const res = await get(path)
      expect(res.headers.get('etag'), path).toBeNull()
      expect(res.headers.get('cache-control') ?? '', path).not.toContain('public')
    }
  })
})

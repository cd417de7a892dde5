import { readdirSync, readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reloadEnv } from '~/lib/env.server'
import { makeBeat } from '../factories'
import { makeSignedInProducer } from '../factories-studio'
import { startServer, type StartedServer } from '../utils/start-server'

// Malformed input never answers 5xx. Against the production build (started once, loopback only):
// the shapes an outside fuzz found first, then a property-based fuzz over the route table, with
// every route's params filled by arbitrary strings (NUL, unicode, `..`, long), every method,
// arbitrary bodies and content types, and odd headers.

const SESSION_SECRET = 'fuzz-test-session-secret-0123456789abcdef'
const ROUTES_DIR = path.resolve('app/routes')

interface RouteEntry {
  /** Path segments; a param is `{ param: name }`. */
  segments: (string | { param: string })[]
  hasAction: boolean
  /** The action reads the request body (sign-out, for one, does not). */
  readsBody: boolean
}

/** The route table, read from the flat-routes file names in app/routes (as app/routes.ts does). */
function routeTable(): RouteEntry[] {
  return readdirSync(ROUTES_DIR)
    .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
    .map((file) => {
      const name = file.replace(/\.tsx?$/, '')
      const segments = name
        .split(/\.(?![^[]*\])/)
        .filter((s) => s !== '_index' && !/^_[^_]/.test(s))
        .map((s) => s.replace(/_$/, '').replaceAll('[.]', '.'))
        .map((s) => (s.startsWith('$') ? { param: s.slice(1) } : s))
      const source = readFileSync(path.join(ROUTES_DIR, file), 'utf8')
      return {
        segments,
        hasAction: /export (async )?function action/.test(source),
        readsBody: /readForm|readText|readJson|receiveLocalUpload|request\.(formData|text|json)\(/.test(source),
      }
    })
}

const ROUTES = routeTable()

let server: StartedServer
let cookie: string
let realIds: string[]

beforeAll(async () => {
  process.env.SESSION_SECRET = SESSION_SECRET
  reloadEnv()
  const producer = await makeSignedInProducer()
  cookie = producer.cookie
  const beat = await makeBeat({ producerId: producer.id, withFiles: false })
  realIds = [beat.id, beat.slug, producer.slug, 'cover', 'preview', 'stems', 'wav']
  server = await startServer({ databaseUrl: process.env.DATABASE_URL!, env: { SESSION_SECRET }, dataPrefix: 'beatstall-fuzz-' })
}, 120_000)

afterAll(async () => {
  if (server) expect(await server.stop(), server.output()).toBe(0)
})

interface RawRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: Buffer | string
}

/** Sends exactly these headers (Host included, or none) and answers the status. */
function send(r: RawRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: r.method, path: r.path, headers: r.headers, setHost: false, agent: false })
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode!))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(r.body)
  })
}

const hostHeaders = () => ({ Host: `127.0.0.1:${server.port}`, Origin: server.origin })

function fill(route: RouteEntry, value: (param: string) => string): string {
  return '/' + route.segments.map((s) => (typeof s === 'string' ? s : value(s.param))).join('/')
}

/** Percent-encodes a string's UTF-8 bytes (a lone surrogate becomes U+FFFD, as browsers send it). */
function encodeSegment(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('')
}

describe('the shapes the outside fuzz found', () => {
  const actionRoutes = () => ROUTES.filter((r) => r.hasAction && r.readsBody)
  const realPath = (route: RouteEntry) =>
    fill(route, (p) => (p === 'kind' ? 'cover' : p === 'sessionId' ? 'cs_test_local_unknown' : realIds[0]!))

  it('finds the form actions in the route table', () => {
    expect(actionRoutes().length).toBeGreaterThanOrEqual(12)
  })

  const bodies: [string, string, string][] = [
    ['JSON', 'application/json', '{"email":"a@example.test","lines":[]}'],
    ['text', 'text/plain', 'email=a@example.test'],
    ['XML', 'application/xml', '<form><email>a@example.test</email></form>'],
    ['boundary-less multipart', 'multipart/form-data', '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--x--\r\n'],
    ['broken multipart', 'multipart/form-data; boundary=x', '--x\r\nno headers here'],
  ]
  const is4xx = (status: number) => status >= 400 && status < 500

  for (const [label, type, body] of bodies) {
    it(`a ${label} body to every action answers 4xx`, async () => {
      const wrong: string[] = []
      for (const route of actionRoutes()) {
        const status = await send({ method: 'POST', path: realPath(route), headers: { ...hostHeaders(), Cookie: cookie, 'Content-Type': type }, body })
        if (!is4xx(status)) wrong.push(`${realPath(route)} ${status}`)
      }
      expect(wrong).toEqual([])
    })
  }

  it('PUT, PATCH and DELETE without a body on every action route answer 4xx', async () => {
    const wrong: string[] = []
    for (const route of actionRoutes()) {
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        const status = await send({ method, path: realPath(route), headers: { ...hostHeaders(), Cookie: cookie } })
        if (!is4xx(status)) wrong.push(`${method} ${realPath(route)} ${status}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('a NUL byte in a path segment or a search param answers 400 or 404', async () => {
    const wrong: string[] = []
    for (const target of ['/beats/%00', '/producers/a%00b', '/dev/mailbox/%00', '/test-checkout/%00', '/licenses/%00', '/media/cover/%00', '/?q=%00', '/orders/view?token=%00', '/checkout/success?session_id=%00', '/beats/%00.data']) {
      const status = await send({ method: 'GET', path: target, headers: hostHeaders() })
      if (status !== 400 && status !== 404) wrong.push(`${target} ${status}`)
    }
    expect(wrong).toEqual([])
  })

  it('an invalid Host, or X-Forwarded-Host / X-Forwarded-Proto from a trusted proxy, answers 400', async () => {
    const get = (headers: Record<string, string>) => send({ method: 'GET', path: '/', headers })
    expect(await get({ Host: 'evil.example:99999' })).toBe(400)
    expect(await get({ Host: 'a b' })).toBe(400)
    expect(await get({ Host: 'a:b' })).toBe(400)
    // The test client is on loopback, which the default TRUST_PROXY trusts.
    expect(await get({ ...hostHeaders(), 'X-Forwarded-Host': 'evil.example:99999' })).toBe(400)
    expect(await get({ ...hostHeaders(), 'X-Forwarded-Host': 'a b' })).toBe(400)
    expect(await get({ ...hostHeaders(), 'X-Forwarded-Proto': 'a b' })).toBe(400)
    // Well-formed ones still work.
    expect(await get({ ...hostHeaders(), 'X-Forwarded-Host': 'shop.example:8443', 'X-Forwarded-Proto': 'https' })).toBe(200)
    expect(await get({ Host: '[::1]:3000' })).toBe(200)
  })
})

describe('property: no request over the route table answers 5xx', () => {
  const segment = () =>
    fc.oneof(
      fc.constantFrom(...realIds),
      fc.string({ maxLength: 40 }).map(encodeSegment),
      fc.string({ unit: 'binary', maxLength: 20 }).map(encodeSegment),
      fc.constantFrom('%00', 'a%00b', '%', '%zz', '%E0%A4%A', '..', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', '%C0%AF', '%ED%A0%80', '%EF%BF%BF', 'cs_test_local_x', '00000000-0000-0000-0000-000000000000'),
      fc.integer({ min: 300, max: 4000 }).map((n) => 'a'.repeat(n)),
    )

  const query = fc.option(
    fc
      .dictionary(
        fc.constantFrom('q', 'session_id', 'token', 'redirectTo', 'page', 'tier', 'genre', 'mood', 'bpmMin', 'sort', 'from', 'to', 'v', 'ids', '_data', 'index'),
        fc.oneof(fc.string({ maxLength: 30 }).map(encodeSegment), fc.constantFrom('%00', '%', '-1', '1e309', '9'.repeat(40))),
        { maxKeys: 3 },
      )
      .map((d) => '?' + Object.entries(d).map(([k, v]) => `${k}=${v}`).join('&')),
    { nil: '' },
  )

  const FIELDS = ['intent', 'lines', 'email', 'password', 'name', 'title', 'bpm', 'tags', 'description', 'kind', 'token', 'redirectTo', 'range', 'orderId', 'tiers.BASIC.price', 'terms']
  const fieldValue = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('details', 'tiers', 'publish', 'unpublish', 'archive', 'restore', 'delete', 'remove-file', 'pay', 'cancel', 'resend', 'terms', '\0', '[]', '[{"beatId":1}]', 'a@example.test'),
    fc.json({ maxDepth: 2 }),
  )
  const urlencoded = fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 5 }).map((d) => new URLSearchParams(d).toString())
  const multipart = fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 4 }).map((d) =>
    Object.entries(d)
      .map(([k, v]) => `--b0undary\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('')
      .concat('--b0undary--\r\n'),
  )

  const body = fc.option(
    fc.oneof(
      fc.record({ type: fc.constant('application/x-www-form-urlencoded'), data: urlencoded }),
      fc.record({ type: fc.constant('multipart/form-data; boundary=b0undary'), data: multipart }),
      fc.record({
        type: fc.constantFrom('application/json', 'text/plain', 'application/xml', 'multipart/form-data', 'multipart/form-data; boundary=', 'application/x-www-form-urlencoded; charset=utf-16', 'application/octet-stream', 'image/png', ''),
        data: fc.oneof(fc.string({ maxLength: 200 }), fc.json(), fc.constantFrom('<?xml version="1.0"?><a/>', 'null', '{"lines":"' + 'x'.repeat(2000) + '"}')),
      }),
      fc.record({ type: fc.constantFrom('application/x-www-form-urlencoded', 'application/octet-stream'), data: fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)) }),
    ),
    { nil: undefined },
  )

  const oddHeaders = fc.record(
    {
      Host: fc.constantFrom('evil.example:99999', 'a b', 'store.test', '[::1', 'x:0', '127.0.0.1:1'),
      'X-Forwarded-Host': fc.constantFrom('evil.example:99999', 'a b', 'shop.example', 'a.example, b.example:70000', ''),
      'X-Forwarded-Proto': fc.constantFrom('https', 'a b', 'ftp', 'http, https'),
      'X-Forwarded-For': fc.constantFrom('1.2.3.4', 'not an ip', '::1, 10.0.0.1'),
      Cookie: fc.constantFrom('__session=%00', 'a=b; __session=', '__session=' + 'x'.repeat(3000)),
      Range: fc.constantFrom('bytes=abc', 'bytes=5-1', 'bytes=-0', 'bytes=0-0,1-1,2-2', 'bytes=99999999999999999999-'),
      'If-None-Match': fc.constantFrom('*', '"x"', 'W/'),
      'If-Modified-Since': fc.constantFrom('yesterday', 'Thu, 01 Jan 1970 00:00:00 GMT'),
      'Accept-Encoding': fc.constantFrom('gzip;q=x', 'br, zstd, *'),
      Origin: fc.constantFrom('null', 'http://evil.example', '%00'),
      Accept: fc.constantFrom('text/html', 'application/json', '*/*;q=oops'),
    },
    { requiredKeys: [] },
  )

  // Built when the test runs: the real ids exist only after beforeAll.
  const request = () =>
    fc.record({
    route: fc.constantFrom(...ROUTES),
    params: fc.array(segment(), { minLength: 3, maxLength: 3 }),
    dataSuffix: fc.boolean(),
    query,
    method: fc.constantFrom('GET', 'HEAD', 'POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
    body,
    chunked: fc.boolean(),
    signedIn: fc.boolean(),
    odd: oddHeaders,
  })

  it('answers every generated request below 500', async () => {
    await fc.assert(
      fc.asyncProperty(request(), async (r) => {
        let i = 0
        const target = fill(r.route, () => r.params[i++ % r.params.length]!) + (r.dataSuffix ? '.data' : '') + r.query
        const headers: Record<string, string> = { ...hostHeaders(), ...(r.signedIn ? { Cookie: cookie } : {}), ...r.odd }
        if (r.body) headers['Content-Type'] = r.body.type
        if (r.body && r.chunked) headers['Transfer-Encoding'] = 'chunked'
        const status = await send({ method: r.method, path: target, headers, body: r.body?.data })
        if (status >= 500) throw new Error(`${r.method} ${target} answered ${status}; headers ${JSON.stringify(headers)}`)
      }),
      { numRuns: 400, endOnFailure: true },
    )
  }, 240_000)
})

import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeBeat } from '../factories'
import { buildDir, startServer, type StartedServer } from '../utils/start-server'

// The production build as `npm start` runs it: every answer — pages, assets, public files,
// /healthz, signed files, refusals, a 404 — carries helmet's headers, refuses to be framed, and
// its pages' inline scripts carry the nonce their Content-Security-Policy names.
// Needs the production build (`npm test` builds first).

let server: StartedServer
let beatSlug: string

beforeAll(async () => {
  beatSlug = (await makeBeat()).slug
  server = await startServer({ databaseUrl: process.env.DATABASE_URL!, dataPrefix: 'beatstall-headers-' })
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

function get(pathname: string, headers: Record<string, string> = {}) {
  return fetch(`${server.origin}${pathname}`, { redirect: 'manual', headers })
}

function directives(response: Response): Map<string, string[]> {
  const csp = response.headers.get('Content-Security-Policy')
  expect(csp, 'Content-Security-Policy').toMatch(/default-src 'self'/)
  return new Map(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  )
}

function expectSecurityHeaders(response: Response) {
  const csp = directives(response)
  expect(csp.get('frame-ancestors')).toEqual(["'none'"])
  expect(csp.get('default-src')).toEqual(["'self'"])
  expect(csp.get('base-uri')).toEqual(["'none'"])
  expect(csp.get('object-src')).toEqual(["'none'"])
  expect(csp.get('form-action')).toEqual(["'self'"])
  expect(csp.get('connect-src')).toEqual(["'self'"])
  expect(csp.get('img-src')).toEqual(["'self'"])
  expect(csp.get('media-src')).toEqual(["'self'"])
  expect(csp.get('script-src')?.[0]).toBe("'self'")
  expect(csp.get('script-src')?.[1]).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/)
  expect(csp.get('script-src')).toHaveLength(2)
  expect(csp.get('style-src')).not.toContain("'unsafe-inline'")
  expect(response.headers.get('X-Frame-Options')).toBe('DENY')
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
  expect(response.headers.get('Referrer-Policy')).toBe('same-origin')
  expect(response.headers.get('Strict-Transport-Security')).toBeNull()
  expect(response.headers.get('X-Powered-By')).toBeNull()
}

const firstAsset = () => readdirSync(path.join(buildDir, 'client/assets')).find((f) => f.endsWith('.js'))!

describe('security headers on every answer', () => {
  const cases: [string, () => string, number][] = [
    ['the catalog', () => '/', 200],
    ['a beat page', () => `/beats/${beatSlug}`, 200],
    ['the cart', () => '/cart', 200],
    ['licensing', () => '/licensing', 200],
    ['studio sign-in', () => '/studio/login', 200],
    ['orders', () => '/orders', 200],
    ['the studio (a redirect to sign-in)', () => '/studio', 302],
    ['a fingerprinted asset', () => `/assets/${firstAsset()}`, 200],
    ['a public file', () => '/favicon.svg', 200],
    ['/healthz', () => '/healthz', 200],
    ['a signed file with a bad signature', () => '/files/beats/x/preview.mp3?exp=1&sig=bad', 401],
    ['a page that does not exist', () => '/no-such-page', 404],
    ['a beat that does not exist', () => '/beats/no-such-beat', 404],
  ]
  for (const [what, pathname, status] of cases)
    it(`${what}`, async () => {
      const response = await get(pathname())
      expect(response.status).toBe(status)
      expectSecurityHeaders(response)
    })

  it('a cross-site form post refused before any route', async () => {
    const response = await fetch(`${server.origin}/studio/login`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.test&password=x',
    })
    expect(response.status).toBe(403)
    expectSecurityHeaders(response)
  })
})

describe('the nonce', () => {
  it("is on every script of a page, matches the page's policy, and is new for every response", async () => {
    const nonces = new Set<string>()
    for (const pathname of ['/', `/beats/${beatSlug}`, '/cart']) {
      const response = await get(pathname)
      const nonce = directives(response).get('script-src')![1]!.slice("'nonce-".length, -1)
      nonces.add(nonce)
      const html = await response.text()
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
      expect(scripts.length).toBeGreaterThan(0)
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
      // Module preloads are same-origin files, allowed by 'self'.
      for (const [, href] of html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) expect(href).toMatch(/^\/assets\//)
    }
    expect(nonces.size).toBe(3)
  })

  it("allows the refusal page's inline style by its hash", async () => {
    const response = await get('/licenses/00000000-0000-4000-8000-000000000000/pdf')
    expect(response.status).toBe(401)
    expectSecurityHeaders(response)
    const css = /<style>([\s\S]*?)<\/style>/.exec(await response.text())![1]!
    const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`
    expect(directives(response).get('style-src')).toContain(hash)
  })
})

describe('HSTS', () => {
  it('is sent when a trusted proxy reports https', async () => {
    const response = await get('/', { 'X-Forwarded-Proto': 'https' })
    expect(response.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
  })

  it('is never sent over plain http, not even for assets or errors', async () => {
    for (const pathname of ['/', '/favicon.svg', '/healthz', '/no-such-page'])
      expect((await get(pathname)).headers.get('Strict-Transport-Security')).toBeNull()
  })
})

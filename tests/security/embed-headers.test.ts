import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeBeat } from '../factories'
import { startServer, type StartedServer } from '../utils/start-server'

// The production build: the embeddable player is the one page other sites may frame
// (frame-ancestors *, no X-Frame-Options); every other answer keeps refusing frames, including
// paths that only look like the player's. Needs the production build (`npm test` builds first).

let server: StartedServer
let slug: string

beforeAll(async () => {
  slug = (await makeBeat()).slug
  server = await startServer({ databaseUrl: process.env.DATABASE_URL!, dataPrefix: 'beatstall-embed-headers-' })
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

const frameAncestors = (r: Response) => /frame-ancestors ([^;]+)/.exec(r.headers.get('Content-Security-Policy') ?? '')?.[1]

describe('framing', () => {
  it('lets any site frame the embed page, which still runs under the nonce policy and has no cart', async () => {
    const response = await fetch(`${server.origin}/embed/beats/${slug}`)
    expect(response.status).toBe(200)
    expect(frameAncestors(response)).toBe('*')
    expect(response.headers.get('X-Frame-Options')).toBeNull()
    expect(response.headers.get('Content-Security-Policy')).toMatch(/script-src 'self' 'nonce-/)
    const html = await response.text()
    expect(html).toContain(`/beats/${slug}`)
    expect(html).toContain('target="_blank"')
    expect(html).not.toMatch(/Add to cart|\/cart"/)
    expect([...html.matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(['/embed-player.js'])
  })

  it('refuses framing everywhere else', async () => {
    for (const pathname of ['/', `/beats/${slug}`, '/cart', '/studio/login', '/embed', '/embedded', '/embed/%2e%2e/studio/login', '/embed-player.js']) {
      const response = await fetch(`${server.origin}${pathname}`, { redirect: 'manual' })
      expect(frameAncestors(response), pathname).toBe("'none'")
      expect(response.headers.get('X-Frame-Options'), pathname).toBe('DENY')
    }
  })
})

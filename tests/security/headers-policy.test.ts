import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, describe, expect, it } from 'vitest'
import { securityHeaders, type SecurityHeaderOptions } from '~/server/security-headers'

// The policy as configuration changes it: Stripe's hosted checkout, Cloudinary's CDN and upload
// API, Vite in development, and pages meant to be framed. (The started build's headers are
// checked in headers.test.ts.)

const servers: { close: () => void }[] = []
afterAll(() => servers.forEach((s) => s.close()))

async function headersFor(options: SecurityHeaderOptions, pathname = '/', headers: Record<string, string> = {}) {
  const app = express()
  app.set('trust proxy', 'loopback')
  app.use(securityHeaders(options))
  app.use((_req, res) => res.send('ok'))
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  servers.push(server)
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${pathname}`, { headers })
  return response.headers
}

function directive(headers: Headers, name: string): string[] | undefined {
  for (const part of headers.get('Content-Security-Policy')!.split(';')) {
    const [key, ...values] = part.trim().split(/\s+/)
    if (key === name) return values
  }
  return undefined
}

const plain: SecurityHeaderOptions = { development: false, stripeCheckout: false }

describe('the Content-Security-Policy by configuration', () => {
  it('lets the checkout form go to Stripe only when Stripe is configured', async () => {
    expect(directive(await headersFor(plain), 'form-action')).toEqual(["'self'"])
    expect(directive(await headersFor({ ...plain, stripeCheckout: true }), 'form-action')).toEqual(["'self'", 'https://checkout.stripe.com'])
  })

  it("allows Cloudinary's CDN for images and audio, and its upload API, only when Cloudinary stores the files", async () => {
    const withCloudinary = await headersFor({ ...plain, cloudinary: { uploadOrigin: 'https://api.cloudinary.com' } })
    expect(directive(withCloudinary, 'img-src')).toEqual(["'self'", 'https://res.cloudinary.com'])
    expect(directive(withCloudinary, 'media-src')).toEqual(["'self'", 'https://res.cloudinary.com'])
    expect(directive(withCloudinary, 'connect-src')).toEqual(["'self'", 'https://api.cloudinary.com'])
    const without = await headersFor(plain)
    for (const name of ['img-src', 'media-src', 'connect-src']) expect(directive(without, name)).toEqual(["'self'"])
  })

  it("relaxes only what Vite's dev server needs in development: inline <style> and the HMR WebSocket", async () => {
    const dev = await headersFor({ ...plain, development: true })
    expect(directive(dev, 'style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(directive(dev, 'connect-src')).toEqual(["'self'", 'ws:', 'wss:'])
    expect(directive(dev, 'script-src')?.[1]).toMatch(/^'nonce-/)
    expect(directive(dev, 'frame-ancestors')).toEqual(["'none'"])
    expect(directive(await headersFor(plain), 'style-src')).not.toContain("'unsafe-inline'")
  })
})

describe('framing', () => {
  it('refuses every page without an exception', async () => {
    const headers = await headersFor({ ...plain, embeddable: [] }, '/embed/anything')
    expect(directive(headers, 'frame-ancestors')).toEqual(["'none'"])
    expect(headers.get('X-Frame-Options')).toBe('DENY')
  })

  it('by default lets other sites frame the embeddable player and nothing else', async () => {
    const player = await headersFor(plain, '/embed/beats/night-drive')
    expect(directive(player, 'frame-ancestors')).toEqual(['*'])
    expect(player.get('X-Frame-Options')).toBeNull()
    for (const pathname of ['/', '/beats/night-drive', '/embed', '/embedded/x', '/studio', '/embed/%2e%2e/studio', '/embed/beats/../../studio']) {
      const headers = await headersFor(plain, pathname)
      expect(directive(headers, 'frame-ancestors'), pathname).toEqual(["'none'"])
      expect(headers.get('X-Frame-Options'), pathname).toBe('DENY')
    }
  })

  it('relaxes exactly the paths on the exception list', async () => {
    const options = { ...plain, embeddable: ['/embed/'] }
    const embedded = await headersFor(options, '/embed/beat-1')
    expect(directive(embedded, 'frame-ancestors')).toEqual(['*'])
    expect(embedded.get('X-Frame-Options')).toBeNull()
    expect(directive(embedded, 'script-src')?.[1]).toMatch(/^'nonce-/)
    const other = await headersFor(options, '/studio')
    expect(directive(other, 'frame-ancestors')).toEqual(["'none'"])
    expect(other.get('X-Frame-Options')).toBe('DENY')
  })
})

describe('HSTS', () => {
  it('only for requests that came over https through a trusted proxy', async () => {
    expect((await headersFor(plain, '/', { 'X-Forwarded-Proto': 'https' })).get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
    expect((await headersFor(plain)).get('Strict-Transport-Security')).toBeNull()
  })
})

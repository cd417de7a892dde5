import { afterEach, describe, expect, it, vi } from 'vitest'

// Behind a proxy that terminates TLS, the browser talks https while APP_URL may say anything (or
// http, or nothing). A cookie's Secure flag follows the scheme of the request the app sees —
// which React Router's Express adapter takes from X-Forwarded-Proto when the proxy is trusted.

const saved = { NODE_ENV: process.env.NODE_ENV, APP_URL: process.env.APP_URL }
afterEach(() => {
  Object.assign(process.env, saved)
  vi.resetModules()
})

async function fresh(env: Record<string, string>) {
  Object.assign(process.env, env)
  vi.resetModules()
  const session = await import('~/lib/auth/session.server')
  const access = await import('~/lib/access/order-access.server')
  return { session, access }
}

const producer = { id: '00000000-0000-4000-8000-000000000000', sessionVersion: 0 }

describe('Secure follows the scheme the app sees', () => {
  for (const APP_URL of ['http://beats.example', 'https://beats.example', 'http://localhost:3000']) {
    it(`with APP_URL=${APP_URL}: https request → Secure, http request → not`, async () => {
      const { session, access } = await fresh({ NODE_ENV: 'production', APP_URL })
      const overTls = (await session.createProducerSession(new Request('https://beats.example/studio/login'), producer, '/studio')).headers.get('Set-Cookie')!
      const plain = (await session.createProducerSession(new Request('http://beats.example/studio/login'), producer, '/studio')).headers.get('Set-Cookie')!
      expect(overTls).toMatch(/;\s*Secure/i)
      expect(plain).not.toMatch(/Secure/i)

      const { token, expiresAt } = access.createOrderAccessToken('buyer@example.test')
      expect(await access.accessCookieHeader(new Request('https://beats.example/orders/view'), token, expiresAt)).toMatch(/;\s*Secure/i)
      expect(await access.accessCookieHeader(new Request('http://beats.example/orders/view'), token, expiresAt)).not.toMatch(/Secure/i)
    })
  }

  it('signs out with the same flags it signed in with', async () => {
    const { session } = await fresh({ NODE_ENV: 'production', APP_URL: 'http://beats.example' })
    const out = await session.destroyProducerSession(new Request('https://beats.example/studio/logout', { method: 'POST' }))
    expect(out.headers.get('Set-Cookie')).toMatch(/;\s*Secure/i)
  })
})

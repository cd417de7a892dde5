import { afterEach, describe, expect, it, vi } from 'vitest'

// The cookie's flags depend on configuration read once per process, so each case loads the
// session module fresh after setting the environment.

const saved = { NODE_ENV: process.env.NODE_ENV, APP_URL: process.env.APP_URL, SESSION_SECRET: process.env.SESSION_SECRET }

afterEach(() => {
  Object.assign(process.env, saved)
  if (saved.SESSION_SECRET === undefined) delete process.env.SESSION_SECRET
  vi.resetModules()
})

async function freshSession(env: Record<string, string>) {
  Object.assign(process.env, env)
  vi.resetModules()
  return import('~/lib/auth/session.server')
}

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax, path / and not Secure over plain http', async () => {
    const { createProducerSession } = await freshSession({ NODE_ENV: 'test', APP_URL: 'http://store.test' })
    const cookie = (await createProducerSession(new Request('http://store.test/studio/login'), { id: '00000000-0000-4000-8000-000000000000', sessionVersion: 0 }, '/studio')).headers.get('Set-Cookie')!
    expect(cookie).toMatch(/^__beatstall_studio=/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('Path=/')
    expect(cookie).toMatch(/Max-Age=\d+/)
    expect(cookie).not.toContain('Secure')
  })

  it('is Secure in production behind https', async () => {
    const { createProducerSession } = await freshSession({ NODE_ENV: 'production', APP_URL: 'https://beats.example', SESSION_SECRET: 'a-production-secret-of-some-length' })
    const cookie = (await createProducerSession(new Request('https://beats.example/studio/login'), { id: '00000000-0000-4000-8000-000000000000', sessionVersion: 0 }, '/studio')).headers.get('Set-Cookie')!
    expect(cookie).toContain('Secure')
    expect(cookie).toContain('HttpOnly')
  })

  it('keeps accepting cookies signed with a rotated-out secret listed second', async () => {
    const before = await freshSession({ SESSION_SECRET: 'old-secret-0123456789' })
    const cookie = (await before.createProducerSession(new Request('http://store.test/studio/login'), { id: '00000000-0000-4000-8000-000000000001', sessionVersion: 0 }, '/studio')).headers.get('Set-Cookie')!.split(';')[0]!
    const rotated = await freshSession({ SESSION_SECRET: 'new-secret-0123456789,old-secret-0123456789' })
    const storage = rotated.getSessionStorage()
    expect((await storage.getSession(cookie)).get('producerId')).toBe('00000000-0000-4000-8000-000000000001')
    const dropped = await freshSession({ SESSION_SECRET: 'new-secret-0123456789' })
    expect((await dropped.getSessionStorage().getSession(cookie)).get('producerId')).toBeUndefined()
  })
})

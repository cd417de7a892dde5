import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeSignedInProducer } from '../factories-studio'
import { startServer, type StartedServer } from '../utils/start-server'

// The production server as an operator runs it on a server (APP_URL public, no SMTP_URL), behind a
// TLS proxy on the same machine (trusted by default): the start log says mail is not delivered,
// /healthz says so too, the mailbox does not exist, and cookies are Secure exactly when the proxy
// reports https. Needs the production build (`npm test` builds first).

let server: StartedServer
let producer: Awaited<ReturnType<typeof makeSignedInProducer>>

beforeAll(async () => {
  producer = await makeSignedInProducer()
  server = await startServer({
    databaseUrl: process.env.DATABASE_URL!,
    env: { APP_URL: 'https://beats.example', SESSION_SECRET: 'server-start-test-session-secret-0123456789' },
    dataPrefix: 'beatstall-server-mode-',
  })
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

function signIn(viaTls: boolean) {
  const origin = `${viaTls ? 'https' : 'http'}://127.0.0.1:${server.port}`
  return fetch(`${server.origin}/studio/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: origin,
      ...(viaTls ? { 'X-Forwarded-Proto': 'https' } : {}),
    },
    body: new URLSearchParams({ email: producer.email, password: producer.password, redirectTo: '/studio' }),
  })
}

describe('a store on a server, over HTTP', () => {
  it('says at start, on stderr, that mail is not delivered', () => {
    expect(server.output()).toMatch(/\[beatstall\] MAIL IS NOT DELIVERED: .*Set SMTP_URL\./)
  })

  it('reports degraded health with the reason, and has no mailbox', async () => {
    const health = await fetch(`${server.origin}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'degraded', mail: 'not delivered: SMTP_URL unset', database: { ok: true } })
    expect((await fetch(`${server.origin}/dev/mailbox`)).status).toBe(404)
  })

  it('sets a Secure session cookie when the trusted proxy reports https, and a plain one over http', async () => {
    const overTls = await signIn(true)
    expect(overTls.status).toBe(302)
    expect(overTls.headers.get('Set-Cookie')).toMatch(/^__beatstall_studio=.*;\s*Secure/i)
    const plain = await signIn(false)
    expect(plain.status).toBe(302)
    expect(plain.headers.get('Set-Cookie')).toMatch(/^__beatstall_studio=/)
    expect(plain.headers.get('Set-Cookie')).not.toMatch(/Secure/i)
  })
})

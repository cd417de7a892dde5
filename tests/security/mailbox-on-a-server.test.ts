import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EnvSchema, reloadEnv } from '~/lib/env.server'
import { isLocalHostname } from '~/lib/local-host'
import { mailDeliveryWarning } from '~/lib/mail/delivery-status'
import { devMailDir } from '~/lib/mail/transport.server'
import { loader as messageLoader } from '~/routes/dev.mailbox.$id'
import { loader as mailboxLoader } from '~/routes/dev.mailbox._index'
import { loader as healthLoader } from '~/routes/healthz'

// The development mailbox serves order links and password-reset links to whoever asks. A demo on
// this machine keeps it; a store on a server (APP_URL on a public host) never has one, and says
// loudly that its mail goes nowhere when SMTP_URL is unset.

const saved = { APP_URL: process.env.APP_URL, SMTP_URL: process.env.SMTP_URL }
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  reloadEnv()
})

function useEnv(env: { APP_URL?: string; SMTP_URL?: string }) {
  delete process.env.APP_URL
  delete process.env.SMTP_URL
  Object.assign(process.env, env)
  reloadEnv()
}

const MAIL_ID = '2026-12-02T03-00-00-000Z_7d3f7e3c-7c1e-4a7e-9a55-0e2d3c4b5a69'

async function writeResetMail() {
  const dir = devMailDir()
  await mkdir(dir, { recursive: true })
  const mail = {
    id: MAIL_ID,
    to: 'producer@example.test',
    from: 'Beatstall <store@beatstall.localhost>',
    subject: 'Reset your password',
    text: 'Open https://beats.example/studio/reset-password?token=secret',
    html: '<p>reset</p>',
    sentAt: new Date().toISOString(),
  }
  await writeFile(path.join(dir, `${MAIL_ID}.json`), JSON.stringify(mail))
}

async function status(call: () => unknown): Promise<number> {
  try {
    const value = await call()
    return value instanceof Response ? value.status : 200
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    if (thrown && typeof thrown === 'object' && 'init' in thrown) return (thrown as { init: { status?: number } | null }).init?.status ?? 200
    throw thrown
  }
}

const loaderArgs = (url: string, params: Record<string, string>, ip: string) =>
  ({ request: new Request(url), params, context: { ip } }) as never

const openMailbox = (ip = '127.0.0.1') => status(() => mailboxLoader(loaderArgs('http://localhost:3000/dev/mailbox', {}, ip)))
const openMessage = (ip = '127.0.0.1') => status(() => messageLoader(loaderArgs(`http://localhost:3000/dev/mailbox/${MAIL_ID}`, { id: MAIL_ID }, ip)))

async function health() {
  const res = await healthLoader({ request: new Request('http://localhost/healthz'), params: {}, context: { ip: '127.0.0.1' } } as never)
  return { status: res.status, body: (await res.json()) as { status: string; mail: string; problems: string[] } }
}

describe('demo or server: the rule', () => {
  it('calls loopback names and addresses local, anything else a server', () => {
    for (const host of ['localhost', 'LOCALHOST', 'shop.localhost', '127.0.0.1', '127.8.9.10', '[::1]', '::1', 'store.test'])
      expect(isLocalHostname(host), host).toBe(true)
    for (const host of ['beats.example', '192.168.1.20', '10.0.0.5', '0.0.0.0', '[2001:db8::1]', 'localhost.example.com', 'mytest.com'])
      expect(isLocalHostname(host), host).toBe(false)
  })

  it('is a demo without APP_URL (the newcomer\'s npm start on 0.0.0.0) and a server with a public APP_URL', () => {
    expect(EnvSchema.parse({ NODE_ENV: 'production', HOST: '0.0.0.0' })).toMatchObject({ serverMode: false, testMode: { mail: true } })
    expect(EnvSchema.parse({ APP_URL: 'http://127.0.0.1:4000' })).toMatchObject({ serverMode: false, testMode: { mail: true } })
    expect(EnvSchema.parse({ APP_URL: 'https://beats.example' })).toMatchObject({ serverMode: true, testMode: { mail: false } })
  })

  it('refuses live payments without the store\'s public address', () => {
    const live = { STRIPE_SECRET_KEY: 'sk_live_123', STRIPE_WEBHOOK_SECRET: 'whsec_1' }
    expect(EnvSchema.safeParse(live).success).toBe(false)
    expect(EnvSchema.safeParse({ ...live, APP_URL: 'http://localhost:3000' }).success).toBe(false)
    expect(EnvSchema.safeParse({ ...live, APP_URL: 'https://beats.example' }).success).toBe(true)
  })
})

describe('a demo on this machine', () => {
  it('keeps its mailbox for the person at this machine', async () => {
    useEnv({ APP_URL: 'http://localhost:3000' })
    await writeResetMail()
    expect(await openMailbox()).toBe(200)
    expect(await openMessage()).toBe(200)
    expect(await openMessage('::1')).toBe(200)
  })

  it('does not show it to other machines (a laptop reachable over Wi-Fi)', async () => {
    useEnv({})
    await writeResetMail()
    expect(await openMailbox('192.168.1.33')).toBe(404)
    expect(await openMessage('203.0.113.9')).toBe(404)
  })

  it('reports healthy, with mail in the development mailbox', async () => {
    useEnv({ APP_URL: 'http://localhost:3000' })
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', mail: 'development mailbox', problems: [] } })
    expect(mailDeliveryWarning(EnvSchema.parse({}))).toBeNull()
  })
})

describe('a store on a server', () => {
  it('never exposes a mailbox, even to loopback clients (a proxy on the same machine)', async () => {
    useEnv({ APP_URL: 'https://beats.example' })
    await writeResetMail()
    expect(await openMailbox()).toBe(404)
    expect(await openMessage()).toBe(404)
  })

  it('says on /healthz that mail is not delivered when SMTP_URL is unset (degraded, still serving)', async () => {
    useEnv({ APP_URL: 'https://beats.example' })
    const { status: code, body } = await health()
    expect(code).toBe(200)
    expect(body.status).toBe('degraded')
    expect(body.mail).toBe('not delivered: SMTP_URL unset')
    expect(body.problems.join(' ')).toMatch(/mail is not delivered/)
  })

  it('has a loud start-up line for it, and none once SMTP_URL is set', async () => {
    const warning = mailDeliveryWarning(EnvSchema.parse({ APP_URL: 'https://beats.example', DATA_DIR: '/srv/beatstall' }))
    expect(warning).toMatch(/^MAIL IS NOT DELIVERED/)
    expect(warning).toContain('/srv/beatstall/mail')
    expect(warning).toContain('SMTP_URL')
    expect(mailDeliveryWarning(EnvSchema.parse({ APP_URL: 'https://beats.example', SMTP_URL: 'smtp://mail.example:587' }))).toBeNull()
  })

  it('reports ok on /healthz with SMTP configured, and the mailbox stays gone', async () => {
    useEnv({ APP_URL: 'https://beats.example', SMTP_URL: 'smtp://127.0.0.1:2525' })
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', mail: 'smtp' } })
    expect(await openMailbox()).toBe(404)
  })
})

import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { buildDir, startServer } from '../utils/start-server'

// `npm start` with DATABASE_URL uses that server (no embedded Postgres), migrates it, leaves it
// empty unless SEED_DEMO=true, and stops cleanly on SIGTERM. Needs the production build
// (`npm test` builds first).

async function createDatabase() {
  const name = `s_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(process.env.DATABASE_URL!)
  url.pathname = `/${name}`
  return url.toString()
}

async function count(url: string, table: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)
  await client.end()
  return rows[0]!.n
}

describe('npm start with DATABASE_URL', () => {
  it('migrates the given database, serves from it, starts no embedded server, and shuts down on SIGTERM', async () => {
    const databaseUrl = await createDatabase()
    const server = await startServer({ databaseUrl })
    try {
      expect(existsSync(path.join(server.dataDir, 'postgres'))).toBe(false)
      expect(await count(databaseUrl, '_prisma_migrations')).toBeGreaterThan(0)
      // A production database starts empty unless SEED_DEMO=true.
      expect(await count(databaseUrl, 'Beat')).toBe(0)
      // Files from public/ are served with a short cache, fingerprinted assets for a year, and the
      // folder's README is not published.
      const favicon = await fetch(`${server.origin}/favicon.svg`)
      expect(favicon.status).toBe(200)
      expect(favicon.headers.get('Content-Type')).toMatch(/^image\/svg\+xml/)
      expect(favicon.headers.get('Cache-Control')).toBe('public, max-age=3600')
      expect(await favicon.text()).toContain('<svg')
      const asset = readdirSync(path.join(buildDir, 'client/assets')).find((f) => f.endsWith('.js'))!
      const script = await fetch(`${server.origin}/assets/${asset}`)
      expect(script.status).toBe(200)
      expect(script.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
      await script.arrayBuffer()
      const readme = await fetch(`${server.origin}/README.md`)
      expect(readme.status).toBe(404)
      await readme.text()
      // Behind a TLS proxy that passes Host and X-Forwarded-Proto (README), forms work; without the
      // scheme the browser's Origin does not match and the server refuses the post as cross-site.
      // (node:http, since fetch does not let a caller set Host.)
      const signIn = (headers: Record<string, string>) =>
        new Promise<number>((resolve, reject) => {
          const body = 'email=nobody%40example.test&password=not-the-password'
          const req = http.request(
            {
              host: '127.0.0.1',
              port: server.port,
              path: '/studio/login',
              method: 'POST',
              headers: { Host: 'beats.example', Origin: 'https://beats.example', 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': body.length, ...headers },
            },
            (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0)),
          )
          req.on('error', reject)
          req.end(body)
        })
      expect(await signIn({ 'X-Forwarded-Proto': 'https' })).toBe(401)
      expect(await signIn({})).toBe(403)
    } finally {
      server.kill('SIGTERM')
    }
    expect(await server.exited).toBe(0)
    expect(server.output()).toContain('stopped')
  }, 120_000)

  it('on SIGTERM finishes a request that is still arriving before it exits', async () => {
    const server = await startServer({ databaseUrl: await createDatabase(), dataPrefix: 'beatstall-drain-' })
    try {
      // A webhook delivery whose body is only half sent when the signal arrives.
      const body = JSON.stringify({ id: 'evt_drain', type: 'ping', padding: 'x'.repeat(2000) })
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/webhooks/stripe',
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Stripe-Signature': 't=1,v1=bad' },
          },
          (res) => {
            let text = ''
            res.on('data', (c: Buffer) => (text += c))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
          },
        )
        req.on('error', reject)
        req.write(body.slice(0, 1000))
        setTimeout(() => {
          server.kill('SIGTERM')
          setTimeout(() => req.end(body.slice(1000)), 500)
        }, 200)
      })
      const answered = await response
      // Answered by the store (signature refused) rather than cut off.
      expect(answered.status, server.output()).toBe(400)
    } finally {
      server.kill('SIGTERM')
    }
    expect(await server.exited, server.output()).toBe(0)
    expect(server.output()).toContain('stopped')
  }, 120_000)
})

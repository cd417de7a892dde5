import { spawn } from 'node:child_process'
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import getPort from 'get-port'
import pg from 'pg'
import { describe, expect, it } from 'vitest'

// `npm start` with DATABASE_URL uses that server (no embedded Postgres), migrates it, leaves it
// empty unless SEED_DEMO=true, and stops cleanly on SIGTERM. Needs the production build
// (`npm test` builds first).

const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build')

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
    expect(existsSync(path.join(buildDir, 'server/index.js')), `no production build in ${buildDir}: run npm run build`).toBe(true)
    const databaseUrl = await createDatabase()
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'beatstall-start-'))
    chmodSync(dataDir, 0o755)
    const port = await getPort({ host: '127.0.0.1' })
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        BUILD_DIR: buildDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (c: Buffer) => (output += c))
    child.stderr!.on('data', (c: Buffer) => (output += c))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

    try {
      let health: Response | undefined
      for (let i = 0; i < 240 && child.exitCode === null; i++) {
        health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined)
        if (health?.ok) break
        await new Promise((r) => setTimeout(r, 250))
      }
      expect(health?.status, output).toBe(200)
      expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false)
      expect(await count(databaseUrl, '_prisma_migrations')).toBeGreaterThan(0)
      // A production database starts empty unless SEED_DEMO=true.
      expect(await count(databaseUrl, 'Beat')).toBe(0)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
    expect(output).toContain('stopped')
  }, 120_000)

  it('on SIGTERM finishes a request that is still arriving before it exits', async () => {
    const databaseUrl = await createDatabase()
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'beatstall-drain-'))
    chmodSync(dataDir, 0o755)
    const port = await getPort({ host: '127.0.0.1' })
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', BUILD_DIR: buildDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (c: Buffer) => (output += c))
    child.stderr!.on('data', (c: Buffer) => (output += c))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      for (let i = 0; i < 240; i++) {
        const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)
        if (ok) break
        await new Promise((r) => setTimeout(r, 250))
      }
      // A webhook delivery whose body is only half sent when the signal arrives.
      const body = JSON.stringify({ id: 'evt_drain', type: 'ping', padding: 'x'.repeat(2000) })
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, path: '/webhooks/stripe', method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Stripe-Signature': 't=1,v1=bad' } },
          (res) => {
            let text = ''
            res.on('data', (c: Buffer) => (text += c))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
          },
        )
        req.on('error', reject)
        req.write(body.slice(0, 1000))
        setTimeout(() => {
          child.kill('SIGTERM')
          setTimeout(() => req.end(body.slice(1000)), 500)
        }, 200)
      })
      const answered = await response
      // Answered by the store (signature refused) rather than cut off.
      expect(answered.status, output).toBe(400)
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM')
    }
    expect(await exited, output).toBe(0)
    expect(output).toContain('stopped')
  }, 120_000)
})


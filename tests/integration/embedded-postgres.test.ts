import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres } from '~/lib/db/embedded-postgres.server'

const root = mkdtempSync(path.join(os.tmpdir(), 'beatstall-embedded-'))
chmodSync(root, 0o755)
afterAll(() => rmSync(root, { recursive: true, force: true }))

async function selectOne(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const { rows } = await client.query<{ one: number }>('SELECT 1 AS one')
  await client.end()
  return rows[0]!.one
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('embedded PostgreSQL', () => {
  it('starts, keeps data across restarts, and recovers from a SIGKILLed owner', async () => {
    const dir = path.join(root, 'pg')
    const first = await startEmbeddedPostgres({ dir })
    expect(await selectOne(first.url)).toBe(1)
    await first.stop()

    // A separate Node process starts the server and is then killed with SIGKILL: its postgres
    // keeps running as an orphan holding postmaster.pid.
    const script = `
      import { startEmbeddedPostgres } from './app/lib/db/embedded-postgres.server.ts'
      await startEmbeddedPostgres({ dir: ${JSON.stringify(dir)} })
      console.log('READY')
      setInterval(() => {}, 1000)
    `
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('READY') && resolve())
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)))
    })
    const orphanPid = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0])
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    expect(isAlive(orphanPid)).toBe(true)

    const again = await startEmbeddedPostgres({ dir })
    try {
      expect(isAlive(orphanPid)).toBe(false)
      expect(await selectOne(again.url)).toBe(1)
    } finally {
      await again.stop()
    }
  }, 60_000)

  it('refuses a data folder that a live process is using', async () => {
    const dir = path.join(root, 'busy')
    const db = await startEmbeddedPostgres({ dir })
    try {
      // Pretend the owner is another live process (our parent), as a second `npm start` would see.
      const { writeFileSync } = await import('node:fs')
      writeFileSync(`${dir}.owner`, String(process.ppid))
      await expect(startEmbeddedPostgres({ dir })).rejects.toThrow(/in use by another running process/)
    } finally {
      await db.stop()
    }
  }, 60_000)
})

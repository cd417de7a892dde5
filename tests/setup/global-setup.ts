import { chmod, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../app/lib/db/embedded-postgres.server'
import { migrate } from '../../app/lib/db/migrate.server'

// One real PostgreSQL per `vitest run`: migrate a template database once, then every test file
// clones it (CREATE DATABASE … TEMPLATE) in tests/setup/per-file.ts. TEST_DATABASE_URL (an admin
// URL to any database on a server) uses that server instead of the embedded one.

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
    pgTemplate: string
  }
}

export const TEMPLATE_DB = 'beatstall_template'

/**
 * embedded-postgres registers async-exit-hook, which answers `beforeExit` with process.exit(0).
 * Vitest reports failed tests by setting process.exitCode = 1 and letting the process end, so
 * without this a failing run would exit 0 and CI would pass it.
 */
function keepFailureExitCode() {
  const exit = process.exit.bind(process)
  process.exit = ((code?: number | string | null) => exit(code || process.exitCode)) as typeof process.exit
}

export default async function setup(project: TestProject) {
  keepFailureExitCode()
  let embedded: EmbeddedDatabase | undefined
  let tmp: string | undefined
  let adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'beatstall-test-pg-'))
    // mkdtemp makes 0700 folders; as root, postgres runs as another user and must traverse it.
    await chmod(tmp, 0o755)
    embedded = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), database: 'postgres' })
    adminUrl = embedded.url
  }
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`)
  await admin.end()
  const templateUrl = new URL(adminUrl)
  templateUrl.pathname = `/${TEMPLATE_DB}`
  await migrate(templateUrl.toString())

  project.provide('pgAdminUrl', adminUrl)
  project.provide('pgTemplate', TEMPLATE_DB)

  return async () => {
    await embedded?.stop()
    if (tmp) await rm(tmp, { recursive: true, force: true })
  }
}

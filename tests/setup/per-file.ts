import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { format } from 'node:util'
import pg from 'pg'
import { afterAll, afterEach, beforeEach, inject, vi } from 'vitest'

// Runs before each test file, in its worker: a fresh database cloned from the migrated template
// and a fresh DATA_DIR, set in process.env before the file imports any app module.

const adminUrl = inject('pgAdminUrl')
const template = inject('pgTemplate')
const dbName = `t_${randomBytes(6).toString('hex')}`

const admin = new pg.Client({ connectionString: adminUrl })
await admin.connect()
await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${template}`)
await admin.end()

const url = new URL(adminUrl)
url.pathname = `/${dbName}`
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'beatstall-test-data-'))

process.env.NODE_ENV = 'test'
process.env.DATABASE_URL = url.toString()
process.env.DATA_DIR = dataDir
process.env.LOG_LEVEL = 'silent'
process.env.APP_URL = 'http://store.test'

// console.error in a test fails it, unless the test says it expects one (see tests/utils/console.ts).
let consoleErrors: string[] = []
beforeEach(() => {
  consoleErrors = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(format(...args))
  })
})
afterEach(() => {
  const unexpected = consoleErrors
  consoleErrors = []
  vi.restoreAllMocks()
  if (unexpected.length && !(globalThis as { __expectConsoleError?: boolean }).__expectConsoleError) {
    throw new Error(`console.error was called:\n${unexpected.join('\n')}`)
  }
  ;(globalThis as { __expectConsoleError?: boolean }).__expectConsoleError = false
})

afterAll(async () => {
  await globalThis.__beatstallPrisma?.$disconnect()
  globalThis.__beatstallPrisma = undefined
  const drop = new pg.Client({ connectionString: adminUrl })
  await drop.connect()
  await drop.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
  await drop.end()
  rmSync(dataDir, { recursive: true, force: true })
})

import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { clearLockedPorts } from 'get-port'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '~/lib/db/embedded-postgres.server'
import { migrate } from '~/lib/db/migrate.server'
import { setEnv } from '~/lib/env.server'
import type { MailTransport } from '~/lib/mail/transport.server'
import { messageIdOf, withFakeSmtp } from '../fakes/smtp-server'

// A real PostgreSQL restart between "the SMTP server accepted the message" and "the row says
// SENT". The shared test server is used by other files at the same time, so this file runs its
// own Postgres, stops it from inside the send, and starts it again on the same folder and port.
// Two workers keep polling through the outage; the email must be delivered exactly once.

const root = mkdtempSync(path.join(os.tmpdir(), 'beatstall-pg-restart-'))
// As root, postgres runs as its own user and must be able to pass through this folder.
chmodSync(root, 0o755)
const dir = path.join(root, 'pg')
const database = 'beatstall_restart'
const RESTART_GAP_MS = 1_500

let db: EmbeddedDatabase
// Loaded after DATABASE_URL points at the private server: the Prisma client is built on first import.
let app: {
  prisma: typeof import('~/models/db.server').prisma
  deliverDueMail: typeof import('~/lib/mail/worker.server').deliverDueMail
  queueEmail: typeof import('~/models/outbox-email.server').queueEmail
}

beforeAll(async () => {
  db = await startEmbeddedPostgres({ dir, database })
  await migrate(db.url)
  // A client made for the per-file database would keep talking to the shared server.
  await globalThis.__beatstallPrisma?.$disconnect()
  globalThis.__beatstallPrisma = undefined
  setEnv({ DATABASE_URL: db.url })
  const [{ prisma }, { deliverDueMail }, { queueEmail }] = await Promise.all([
    import('~/models/db.server'),
    import('~/lib/mail/worker.server'),
    import('~/models/outbox-email.server'),
  ])
  app = { prisma, deliverDueMail, queueEmail }
}, 60_000)

afterAll(async () => {
  await globalThis.__beatstallPrisma?.$disconnect()
  globalThis.__beatstallPrisma = undefined
  await db?.stop()
  rmSync(root, { recursive: true, force: true })
}, 30_000)

const fake = withFakeSmtp()

describe('a real Postgres restart while sending', () => {
  it('records the send once the database is back and delivers the email exactly once', async () => {
    const { prisma, deliverDueMail, queueEmail } = app
    const to = 'restart@example.test'
    await prisma.$transaction((tx) =>
      queueEmail(tx, { dedupeKey: 'restart:1', kind: 'receipt', to, subject: 'Receipt', text: 'x', html: 'x' }),
    )

    // Right after the SMTP server has taken the message, Postgres goes down; it comes back on the
    // same port after a gap, while the worker is already trying to record the send.
    const port = db.port
    let restart: Promise<void> | undefined
    let downAt = 0
    const transport: MailTransport = {
      close: () => fake.transport.close(),
      send: async (message) => {
        await fake.transport.send(message)
        if (restart) return
        downAt = Date.now()
        await db.stop()
        restart = (async () => {
          await sleep(RESTART_GAP_MS)
          // get-port holds back every port it handed out in this process for 15-30 s; the server
          // must come back on the port the workers' connection pool knows.
          clearLockedPorts()
          db = await startEmbeddedPostgres({ dir, database, port })
        })()
      },
    }

    const now = new Date()
    const deadline = Date.now() + 45_000
    // Ends the sending worker's wait to record the send if the database never comes back.
    const signal = AbortSignal.timeout(45_000)
    const isSent = async () => {
      const row = await prisma.outboxEmail.findUnique({ where: { dedupeKey: 'restart:1' } }).catch(() => null)
      return row?.status === 'SENT'
    }
    // A worker polls until the row is SENT; a batch that hits the outage fails and is run again,
    // as the real poller does.
    const worker = async () => {
      let sent = 0
      let failures = 0
      while (Date.now() < deadline) {
        try {
          sent += (await deliverDueMail(transport, { now, signal })).sent
        } catch {
          failures++
          await sleep(100)
          continue
        }
        if (restart && (await isSent())) break
        await sleep(50)
      }
      return { sent, failures }
    }
    const results = await Promise.all([worker(), worker()])
    await restart
    expect(db.port).toBe(port)

    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: 'restart:1' } })
    expect(row).toMatchObject({ status: 'SENT', attempts: 1 })
    // Recorded only once the server was back, and the other worker kept polling through the outage.
    expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(downAt + RESTART_GAP_MS)
    expect(results[0]!.failures + results[1]!.failures).toBeGreaterThan(0)
    // Later batches (hours later) find nothing to send again.
    const later = await deliverDueMail(transport, { now: new Date(now.getTime() + 6 * 3600_000) })
    expect(later).toEqual({ sent: 0, retried: 0, dead: 0 })

    const got = fake.smtp.received.filter((m) => m.to[0] === to)
    expect(got).toHaveLength(1)
    expect(messageIdOf(got[0]!.raw)).toBe(`<${row.id}@store.test>`)
    expect(results[0]!.sent + results[1]!.sent).toBe(1)
  }, 60_000)
})

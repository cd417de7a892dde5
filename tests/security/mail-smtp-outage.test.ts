import { describe, expect, it, vi } from 'vitest'
import { prisma } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import { healthReport } from '~/lib/health.server'
import { logger } from '~/lib/logger.server'
import { deliverDueMail } from '~/lib/mail/worker.server'
import { queueEmail } from '~/models/outbox-email.server'
import { messageIdOf, withFakeSmtp } from '../fakes/smtp-server'

// A two-hour SMTP outage, on the worker's injected clock: the first hour the server is gone
// (connection refused), the second it answers every message with a temporary 451. Every queued
// email arrives exactly once after it ends, and the operator sees the stuck mail meanwhile.

const fake = withFakeSmtp()
const MINUTE = 60_000

describe('a 2-hour SMTP outage', () => {
  it('delivers every queued email exactly once after it, and shows the stuck mail meanwhile', async () => {
    const t0 = new Date()
    for (let i = 0; i < 3; i++) {
      await prisma.$transaction((tx) =>
        queueEmail(tx, { dedupeKey: `outage2h:${i}`, kind: 'receipt', to: `buyer${i}@example.test`, subject: `Order ${i}`, text: 'x', html: 'x' }),
      )
    }
    const stuckLog = vi.spyOn(logger, 'error')
    await fake.smtp.stop()
    // The worker polls every few seconds; one tick a minute is enough to meet every due retry.
    let now = t0
    for (; now.getTime() < t0.getTime() + 120 * MINUTE; now = new Date(now.getTime() + MINUTE)) {
      if (now.getTime() === t0.getTime() + 60 * MINUTE) {
        await fake.smtp.start()
        fake.smtp.mode = 'refuse'
      }
      await deliverDueMail(fake.transport, { now })
    }
    expect(fake.smtp.received).toHaveLength(0)
    const rows = await prisma.outboxEmail.findMany({ where: { dedupeKey: { startsWith: 'outage2h:' } } })
    expect(rows.map((r) => r.status)).toEqual(['PENDING', 'PENDING', 'PENDING'])

    // The operator sees it: /healthz detail, an error-level log line.
    const health = await healthReport({ ...getEnv(), SMTP_URL: fake.smtp.url }, now)
    expect(health.status).toBe('degraded')
    expect(health.mailQueue).toMatchObject({ stuck: 3, stuckAfterMinutes: 15, deadLast7Days: 0 })
    expect(health.problems.join(' ')).toMatch(/3 email\(s\) undelivered for over 15 minutes/)
    expect(stuckLog.mock.calls.some(([, msg]) => typeof msg === 'string' && msg.startsWith('mail stuck'))).toBe(true)

    // The server is back: within the 15-minute cap, each email arrives once.
    fake.smtp.mode = 'accept'
    const back = now
    for (; now.getTime() <= back.getTime() + 15 * MINUTE; now = new Date(now.getTime() + MINUTE)) {
      await deliverDueMail(fake.transport, { now })
    }
    const to = fake.smtp.received.map((m) => m.to[0]).sort()
    expect(to).toEqual(['buyer0@example.test', 'buyer1@example.test', 'buyer2@example.test'])
    const ids = fake.smtp.received.map((m) => messageIdOf(m.raw))
    expect(new Set(ids).size).toBe(3)
    for (const row of await prisma.outboxEmail.findMany({ where: { dedupeKey: { startsWith: 'outage2h:' } } })) {
      expect(row.status).toBe('SENT')
      expect(ids).toContain(`<${row.id}@store.test>`)
    }
    expect((await healthReport({ ...getEnv(), SMTP_URL: fake.smtp.url }, now)).status).toBe('ok')
  }, 120_000)
})

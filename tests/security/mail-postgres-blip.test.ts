import { describe, expect, it, vi } from 'vitest'
import { prisma } from '~/models/db.server'
import { deliverDueMail } from '~/lib/mail/worker.server'
import { queueEmail } from '~/models/outbox-email.server'
import { messageIdOf, withFakeSmtp } from '../fakes/smtp-server'

// The database goes away between "the SMTP server accepted the message" and "the row says SENT":
// the worker's first attempts to record the send fail as a dropped connection does. The worker
// must keep trying to record it, and neither it nor another worker may send the message again.

const blip = vi.hoisted(() => ({ failuresLeft: 0, failed: 0 }))
vi.mock('~/models/outbox-email.server', async (importOriginal) => {
  const original = await importOriginal<typeof import('~/models/outbox-email.server')>()
  return {
    ...original,
    markEmailSent: async (...args: Parameters<typeof original.markEmailSent>) => {
      if (blip.failuresLeft > 0) {
        blip.failuresLeft--
        blip.failed++
        throw new Error('Connection terminated unexpectedly')
      }
      return original.markEmailSent(...args)
    },
  }
})

const fake = withFakeSmtp()

describe('a Postgres blip while sending', () => {
  it('records the send once the database answers and delivers the email exactly once', async () => {
    await prisma.$transaction((tx) =>
      queueEmail(tx, { dedupeKey: 'blip:1', kind: 'receipt', to: 'blip@example.test', subject: 'Receipt', text: 'x', html: 'x' }),
    )
    blip.failuresLeft = 3
    const now = new Date()
    // Two workers (two instances) poll until the blip is over; one of them holds the email.
    const deadline = Date.now() + 15_000
    const worker = async () => {
      let sent = 0
      do sent += (await deliverDueMail(fake.transport, { now })).sent
      while ((blip.failuresLeft > 0 || blip.failed === 0) && Date.now() < deadline)
      return sent
    }
    const sent = await Promise.all([worker(), worker()])
    expect(blip.failed).toBe(3)
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: 'blip:1' } })
    expect(row).toMatchObject({ status: 'SENT', attempts: 1 })
    // Later batches (hours later) find nothing to send again.
    await deliverDueMail(fake.transport, { now: new Date(now.getTime() + 6 * 3600_000) })
    const got = fake.smtp.received.filter((m) => m.to[0] === 'blip@example.test')
    expect(got).toHaveLength(1)
    expect(sent[0]! + sent[1]!).toBe(1)
    expect(messageIdOf(got[0]!.raw)).toBe(`<${row.id}@store.test>`)
  })
})

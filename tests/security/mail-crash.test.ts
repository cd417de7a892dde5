import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { deliverDueMail } from '~/lib/mail/worker.server'
import { queueEmail } from '~/models/outbox-email.server'
import { messageIdOf, withFakeSmtp } from '../fakes/smtp-server'

// A worker process is SIGKILLed while it sends (the SMTP server has the message, the worker never
// heard back). After a restart the email goes out again within a minute, with the same Message-ID,
// so a receiver that got the first copy can drop the second.

const fake = withFakeSmtp()

describe('a worker killed mid-send', () => {
  it('leaves the email to be sent again within a minute, with the same Message-ID', async () => {
    await prisma.$transaction((tx) =>
      queueEmail(tx, { dedupeKey: 'crash:1', kind: 'receipt', to: 'crash@example.test', subject: 'Receipt', text: 'x', html: 'x' }),
    )
    fake.smtp.mode = 'hang'
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fakes/mail-worker-process.ts', fake.smtp.url], {
      cwd: process.cwd(),
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    const deadline = Date.now() + 30_000
    while (!fake.smtp.received.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(fake.smtp.received).toHaveLength(1)
    child.kill('SIGKILL')
    await exited
    const killedAt = new Date()
    const held = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: 'crash:1' } })
    expect(held.status).toBe('SENDING')

    // The restarted store's worker, a little under a minute later (its clock injected).
    fake.smtp.mode = 'accept'
    expect(await deliverDueMail(fake.transport, { now: new Date(killedAt.getTime() + 55_000) })).toMatchObject({ sent: 1 })
    const copies = fake.smtp.received.filter((m) => m.to[0] === 'crash@example.test')
    expect(copies).toHaveLength(2)
    expect(messageIdOf(copies[1]!.raw)).toBe(`<${held.id}@store.test>`)
    expect(messageIdOf(copies[1]!.raw)).toBe(messageIdOf(copies[0]!.raw))
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: 'crash:1' } })).toMatchObject({ status: 'SENT', attempts: 2 })
  }, 60_000)
})

import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyOrderAccessToken } from '~/lib/access/order-access.server'
import { prisma } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import { listDevMail, readDevMail } from '~/lib/mail/dev-mailbox.server'
import { handleMailRequests } from '~/lib/mail/mail-requests.server'
import { requestOrderLink } from '~/lib/mail/order-link.server'
import { queueDisputeNotice, queueRefundNotice, requeueReceipt } from '~/lib/mail/order-notifications.server'
import { createFileTransport, createSmtpTransport } from '~/lib/mail/transport.server'
import { backoffMs, MAX_ATTEMPTS } from '~/lib/mail/retry-schedule'
import { deliverDueMail, startOutboxWorker } from '~/lib/mail/worker.server'
import { queueEmail, queueReceipt } from '~/models/outbox-email.server'
import { decodeQuotedPrintable, messageIdOf, withFakeSmtp } from '../fakes/smtp-server'
import { makePaidOrder } from '../factories-orders'

const fake = withFakeSmtp()

const drain = async (now = new Date()) => {
  // Deliver everything due; bounded so a bug cannot loop forever.
  for (let i = 0; i < 10; i++) {
    const r = await deliverDueMail(fake.transport, { now })
    if (r.sent + r.retried + r.dead === 0) return
  }
}

function linkFrom(raw: string): string {
  const decoded = decodeQuotedPrintable(raw)
  const match = /http:\/\/store\.test\/orders\/view\?token=([A-Za-z0-9_.%-]+)/.exec(decoded)
  if (!match) throw new Error('no order link in mail')
  return decodeURIComponent(match[1]!)
}

describe('receipts through the outbox and a real SMTP server', () => {
  it('queues once per order in the caller’s transaction and delivers lines, tiers, total, number and link', async () => {
    const order = await makePaidOrder({
      email: 'receipt@example.test',
      lines: [{ tier: 'BASIC', beatTitle: '<b>Night</b> & Day' }, { tier: 'TRACKOUT', beatTitle: 'Second Wind' }],
    })
    await prisma.$transaction(async (tx) => {
      await queueReceipt(tx, order.id)
      await queueReceipt(tx, order.id) // a repeated webhook
    })
    expect(await prisma.outboxEmail.count({ where: { dedupeKey: `receipt:${order.id}` } })).toBe(1)
    const before = fake.smtp.received.length
    await drain()
    const mails = fake.smtp.received.slice(before)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.to).toEqual(['receipt@example.test'])
    const body = decodeQuotedPrintable(mails[0]!.raw)
    expect(body).toContain(`order #${order.number}`)
    expect(body).toContain('Basic license')
    expect(body).toContain('Trackout license')
    expect(body).toContain('$125.00')
    expect(body).toContain('Second Wind')
    // HTML in a title is text: escaped in the HTML part, never live markup.
    expect(body).toContain('&lt;b&gt;Night&lt;/b&gt; &amp; Day')
    expect(body).not.toMatch(/<b>Night<\/b> &amp;/)
    expect(body).not.toMatch(/undefined|null/)
    const access = verifyOrderAccessToken(linkFrom(mails[0]!.raw))
    expect(access).toMatchObject({ ok: true, email: 'receipt@example.test' })
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `receipt:${order.id}` } })
    expect(row).toMatchObject({ status: 'SENT', attempts: 1 })
  })

  it('a resend rebuilds the receipt with a fresh link and delivers it again', async () => {
    const order = await makePaidOrder({ email: 'resend@example.test' })
    await prisma.$transaction((tx) => queueReceipt(tx, order.id))
    await drain()
    const first = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `receipt:${order.id}` } })
    expect(first.status).toBe('SENT')
    const before = fake.smtp.received.length
    // Resent a few seconds later: a token made later differs.
    const later = new Date(Date.now() + 5_000)
    expect(await prisma.$transaction((tx) => requeueReceipt(tx, order.id, later))).toBe(true)
    await drain()
    const again = fake.smtp.received.slice(before)
    expect(again.map((m) => m.to[0])).toEqual(['resend@example.test'])
    // A resend is a new message: a receiver that drops copies by Message-ID must not drop it.
    expect(messageIdOf(again[0]!.raw)).toBe(`<${first.id}.1@store.test>`)
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `receipt:${order.id}` } })
    expect(row).toMatchObject({ status: 'SENT', attempts: 1 })
    expect(row.text).not.toBe(first.text)
  })

  it('a rolled-back transaction queues nothing', async () => {
    const order = await makePaidOrder()
    await expect(
      prisma.$transaction(async (tx) => {
        await queueReceipt(tx, order.id)
        throw new Error('fulfilment failed')
      }),
    ).rejects.toThrow('fulfilment failed')
    expect(await prisma.outboxEmail.count({ where: { dedupeKey: `receipt:${order.id}` } })).toBe(0)
  })

  it('queues refund and dispute notices that say what happened', async () => {
    const order = await makePaidOrder({ email: 'notice@example.test', lines: [{ tier: 'BASIC', beatTitle: 'Refunded One' }, { tier: 'BASIC', beatTitle: 'Kept One' }] })
    await prisma.orderItem.update({ where: { id: order.items[0]!.id }, data: { status: 'REFUNDED', refundedAt: new Date() } })
    await prisma.$transaction(async (tx) => {
      await queueRefundNotice(tx, order.id)
      await queueRefundNotice(tx, order.id)
    })
    await prisma.multiItemOrder.update({ where: { id: order.id }, data: { status: 'DISPUTED', disputedAt: new Date() } })
    await prisma.$transaction((tx) => queueDisputeNotice(tx, order.id))
    const rows = await prisma.outboxEmail.findMany({ where: { to: 'notice@example.test' }, orderBy: { createdAt: 'asc' } })
    expect(rows.map((r) => r.kind)).toEqual(['refund', 'dispute'])
    expect(rows[0]!.text).toContain('Refunded One')
    expect(rows[0]!.text).not.toContain('Kept One')
    expect(rows[1]!.subject).toContain('dispute')
  })
})

describe('the real fulfilment', () => {
  it('queues the receipt in the transaction that marks the order PAID, and it reaches SMTP', async () => {
    const { startCheckout } = await import('~/lib/orders/checkout.server')
    const { fulfilCheckoutSession } = await import('~/lib/orders/completion.server')
    const { findOrderById } = await import('~/models/order/order.server')
    const { payTestCheckout, testSessionFor } = await import('~/lib/payments/test-checkout.server')
    const { makeBeat } = await import('../factories')
    const beat = await makeBeat({ title: 'Paid For Real' })
    const { orderId } = await startCheckout([{ beatId: beat.id, tier: 'TRACKOUT' }], null)
    expect(await prisma.outboxEmail.count({ where: { dedupeKey: `receipt:${orderId}` } })).toBe(0)
    // The stand-in's own webhook delivery fails here; fulfil as the success page does.
    await payTestCheckout((await findOrderById(orderId))!, { email: 'real@example.test', name: 'Real Buyer' }, async () => {
      throw new Error('webhook handler unavailable')
    })
    await fulfilCheckoutSession(testSessionFor((await findOrderById(orderId))!))
    const order = await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, number: true } })
    expect(order.status).toBe('PAID')
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `receipt:${orderId}` } })
    expect(row).toMatchObject({ kind: 'receipt', to: 'real@example.test', status: 'PENDING' })
    const before = fake.smtp.received.length
    await drain()
    const mail = fake.smtp.received.slice(before).find((m) => m.to[0] === 'real@example.test')!
    const body = decodeQuotedPrintable(mail.raw)
    expect(body).toContain(`order #${order.number}`)
    expect(body).toContain('Paid For Real')
    expect(body).toContain('Trackout license')
    expect(verifyOrderAccessToken(linkFrom(mail.raw))).toMatchObject({ ok: true, email: 'real@example.test' })
  })
})

describe('an SMTP outage', () => {
  it('delays mail with exponential backoff and then delivers every message exactly once', async () => {
    await drain()
    for (let i = 0; i < 3; i++) {
      await prisma.$transaction((tx) =>
        queueEmail(tx, { dedupeKey: `outage:${i}`, kind: 'test', to: `outage${i}@example.test`, subject: `Outage ${i}`, text: 'x', html: '<p>x</p>' }),
      )
    }
    const t0 = new Date()
    const before = fake.smtp.received.length
    await fake.smtp.stop()
    expect(await deliverDueMail(fake.transport, { now: t0 })).toEqual({ sent: 0, retried: 3, dead: 0 })
    // Not due again before the backoff has passed.
    expect(await deliverDueMail(fake.transport, { now: new Date(t0.getTime() + backoffMs(1) - 1000) })).toEqual({ sent: 0, retried: 0, dead: 0 })
    const t1 = new Date(t0.getTime() + backoffMs(1) + 1000)
    expect(await deliverDueMail(fake.transport, { now: t1 })).toEqual({ sent: 0, retried: 3, dead: 0 })
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: 'outage:0' } })
    expect(row.attempts).toBe(2)
    // The worker's clock runs on from the injected time while it works, by milliseconds.
    expect(row.nextAttemptAt.getTime() - (t1.getTime() + backoffMs(2))).toBeGreaterThanOrEqual(0)
    expect(row.nextAttemptAt.getTime() - (t1.getTime() + backoffMs(2))).toBeLessThan(5_000)
    expect(row.lastError).toMatch(/\w/)

    await fake.smtp.start()
    await drain(new Date(t1.getTime() + backoffMs(2) + 1000))
    await drain(new Date(t1.getTime() + 10 * 3600_000))
    const got = fake.smtp.received.slice(before).map((m) => m.to[0]).sort()
    expect(got).toEqual(['outage0@example.test', 'outage1@example.test', 'outage2@example.test'])
    const sent = await prisma.outboxEmail.findMany({ where: { dedupeKey: { startsWith: 'outage:' } } })
    expect(sent.every((r) => r.status === 'SENT' && r.attempts === 3)).toBe(true)
  })

  it('marks a message DEAD after three days of attempts, and keeps it visible', async () => {
    await drain()
    await prisma.$transaction((tx) =>
      queueEmail(tx, { dedupeKey: 'dead:1', kind: 'test', to: 'dead@example.test', subject: 'Dead', text: 'x', html: 'x' }),
    )
    await fake.smtp.stop()
    let now = new Date()
    await deliverDueMail(fake.transport, { now })
    // Three days of the schedule (retry-schedule.test.ts adds them up) later: the next to last attempt.
    await prisma.outboxEmail.update({ where: { dedupeKey: 'dead:1' }, data: { attempts: MAX_ATTEMPTS - 2 } })
    for (const expected of ['PENDING', 'DEAD']) {
      now = new Date((await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: 'dead:1' } })).nextAttemptAt.getTime() + 1)
      await deliverDueMail(fake.transport, { now })
      expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: 'dead:1' } })).status).toBe(expected)
    }
    await fake.smtp.start()
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: 'dead:1' } })
    expect(row).toMatchObject({ status: 'DEAD', attempts: MAX_ATTEMPTS })
    expect(row.deadAt).not.toBeNull()
    expect(await deliverDueMail(fake.transport, { now })).toEqual({ sent: 0, retried: 0, dead: 0 })
  })

  it('two workers at once never send a message twice', async () => {
    await drain()
    for (let i = 0; i < 30; i++) {
      await prisma.$transaction((tx) =>
        queueEmail(tx, { dedupeKey: `race:${i}`, kind: 'test', to: `race${i}@example.test`, subject: 'Race', text: 'x', html: 'x' }),
      )
    }
    const before = fake.smtp.received.length
    const other = createSmtpTransport(fake.smtp.url)
    await Promise.all([deliverDueMail(fake.transport, { batchSize: 7 }), deliverDueMail(other, { batchSize: 7 }), drain()])
    await drain()
    other.close()
    const to = fake.smtp.received.slice(before).map((m) => m.to[0])
    expect(to).toHaveLength(30)
    expect(new Set(to).size).toBe(30)
  })

  it('the background worker delivers and stops after finishing its batch', async () => {
    await prisma.$transaction((tx) =>
      queueEmail(tx, { dedupeKey: 'worker:1', kind: 'test', to: 'worker@example.test', subject: 'Worker', text: 'x', html: 'x' }),
    )
    const stop = startOutboxWorker(createSmtpTransport(fake.smtp.url), { intervalMs: 50 })
    const deadline = Date.now() + 10_000
    while (!fake.smtp.received.some((m) => m.to[0] === 'worker@example.test') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50))
    }
    await stop()
    expect(fake.smtp.received.filter((m) => m.to[0] === 'worker@example.test')).toHaveLength(1)
  })
})

describe('the order-page email', () => {
  it('is sent for an address with orders and bound to it; not for an unknown address', async () => {
    await makePaidOrder({ email: 'Returning@Example.test' })
    await requestOrderLink('returning@example.test')
    await requestOrderLink('nobody@example.test')
    // The worker turns the requests into mail (or drops them) before it delivers.
    await handleMailRequests()
    const before = fake.smtp.received.length
    await drain()
    const mails = fake.smtp.received.slice(before)
    expect(mails.map((m) => m.to[0])).toEqual(['returning@example.test'])
    expect(verifyOrderAccessToken(linkFrom(mails[0]!.raw))).toMatchObject({ ok: true, email: 'returning@example.test' })
    expect(decodeQuotedPrintable(mails[0]!.raw)).toContain('30 minutes')
  })
})

describe('the development mailbox (no SMTP_URL)', () => {
  it('writes .eml and .json under DATA_DIR/mail and lists them newest first', async () => {
    const file = createFileTransport()
    await file.send({ id: '00000000-0000-4000-8000-000000000001', to: 'a@example.test', subject: 'First', text: 'one', html: '<p>one</p>' })
    await file.send({ id: '00000000-0000-4000-8000-000000000002', to: 'b@example.test', subject: 'Second', text: 'two', html: '<p>two</p>' })
    const names = await readdir(path.resolve(getEnv().DATA_DIR, 'mail'))
    expect(names.filter((n) => n.endsWith('.eml'))).toHaveLength(2)
    const list = await listDevMail()
    expect(list.map((m) => m.subject)).toEqual(['Second', 'First'])
    const one = await readDevMail(list[1]!.id)
    expect(one).toMatchObject({ to: 'a@example.test', text: 'one' })
    expect(await readDevMail('../../etc/passwd')).toBeNull()
  })
})

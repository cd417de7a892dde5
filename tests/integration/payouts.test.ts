import { spawn } from 'node:child_process'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LicenseTier } from '~/generated/prisma/enums'
import { getEnv } from '~/lib/env.server'
import { startQueue } from '~/lib/jobs/queue.server'
import { startConnect } from '~/lib/payouts/connect.server'
import { payoutJob } from '~/lib/payouts/transfer-job.server'
import { processPayouts } from '~/lib/payouts/transfers.server'
import { snapshotTerms, LICENSE_TIERS } from '~/lib/tiers'
import { prisma } from '~/models/db.server'
import { upsertSplit } from '~/models/payouts/beat-split.server'
import { action } from '~/routes/webhooks.stripe'
import { makeBeat, makeProducer } from '../factories'
import { paidSession, stripeEvent, type FakeStripe } from '../fakes/stripe-server'
import { connectFakeStripe } from '../utils/fake-stripe'
import { callRoute } from '../utils/route'

// Payouts end to end against real Postgres and the fake Stripe (the real SDK over HTTP): three
// producers, two collaborators (one with an account, one invited by email), one order of five
// lines with a deal on three of them. Platform fee: 10 % + 25 ¢ per line.

let fake: FakeStripe

beforeAll(async () => {
  fake = await connectFakeStripe({ PLATFORM_FEE_PERCENT: '10', PLATFORM_FEE_FIXED_CENTS: '25' })
})

afterAll(async () => {
  await fake.close()
})

async function deliver(event: object) {
  const payload = JSON.stringify(event)
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: getEnv().STRIPE_WEBHOOK_SECRET })
  const request = new Request('http://store.test/webhooks/stripe', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
    body: payload,
  })
  const res = await callRoute(action, request)
  expect(res.status).toBe(200)
  return (await res.response!.json()) as { outcome: string }
}

/** A producer connected through the (fake) Stripe onboarding; returns the account.updated event. */
async function connect(producerId: string) {
  const start = await startConnect(producerId)
  expect(start.kind).toBe('redirect')
  const { stripeAccountId } = await prisma.producer.findUniqueOrThrow({ where: { id: producerId }, select: { stripeAccountId: true } })
  const event = stripeEvent('account.updated', { ...fake.connect.enable(stripeAccountId!) })
  expect((await deliver(event)).outcome).toBe('account-updated')
  return event
}

/** A PENDING order with the given paid and list prices per line (a deal: paid < list). */
async function pendingOrder(lines: { beatId: string; paid: number; list: number; tier?: LicenseTier }[]) {
  const beats = await prisma.beat.findMany({ where: { id: { in: lines.map((l) => l.beatId) } }, select: { id: true, title: true, producerId: true, producer: { select: { displayName: true } } } })
  const order = await prisma.multiItemOrder.create({
    data: {
      totalCents: lines.reduce((s, l) => s + l.paid, 0),
      email: 'buyer@example.test',
      items: {
        create: lines.map((l, position) => {
          const beat = beats.find((b) => b.id === l.beatId)!
          const tier = l.tier ?? 'BASIC'
          return {
            position,
            beatId: beat.id,
            producerId: beat.producerId,
            tier,
            priceCents: l.paid,
            listPriceCents: l.list,
            adjustments: l.paid < l.list ? [{ kind: 'deal', label: 'Test deal', cents: l.paid - l.list }] : [],
            beatTitle: beat.title,
            producerName: beat.producer.displayName,
            termsSnapshot: JSON.parse(JSON.stringify(snapshotTerms(tier, LICENSE_TIERS[tier].defaultTerms))),
          }
        }),
      },
    },
    select: { id: true, totalCents: true, items: { orderBy: { position: 'asc' }, select: { id: true } } },
  })
  return { ...order, session: paidSession(order) }
}

const rowsOf = (orderId: string) =>
  prisma.payoutTransfer.findMany({ where: { orderId }, select: { orderItemId: true, payeeKey: true, payeeEmail: true, amountCents: true, status: true, stripeTransferId: true, lastError: true } })

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

const transfersFor = (orderId: string) => [...fake.connect.transfers.values()].filter((t) => t.transfer_group === orderId)

const sumBy = <T,>(items: T[], key: (t: T) => string, amount: (t: T) => number) => {
  const sums: Record<string, number> = {}
  for (const item of items) sums[key(item)] = (sums[key(item)] ?? 0) + amount(item)
  return sums
}

describe('payouts for a five-line order with a deal, three producers and two collaborators', () => {
  it('transfers each payee their share to the cent, once, whatever is replayed; a line refund reverses that line only', async () => {
    const [a, b, c, x] = await Promise.all([
      makeProducer({ email: 'a@example.test' }),
      makeProducer({ email: 'b@example.test' }),
      makeProducer({ email: 'c@example.test' }),
      makeProducer({ email: 'x@example.test' }),
    ])
    const y = 'y@invite.test' // invited; no account yet
    const a1 = await makeBeat({ producerId: a!.id, withFiles: false })
    const a2 = await makeBeat({ producerId: a!.id, withFiles: false })
    const b1 = await makeBeat({ producerId: b!.id, withFiles: false })
    const c1 = await makeBeat({ producerId: c!.id, withFiles: false })
    const c2 = await makeBeat({ producerId: c!.id, withFiles: false })
    expect(await upsertSplit(a!.id, { beatId: a1.id, payeeEmail: x!.email, payeeProducerId: x!.id, percent: 30 })).toBe('saved')
    expect(await upsertSplit(a!.id, { beatId: a1.id, payeeEmail: y, payeeProducerId: null, percent: 25 })).toBe('saved')
    expect(await upsertSplit(b!.id, { beatId: b1.id, payeeEmail: x!.email, payeeProducerId: x!.id, percent: 20 })).toBe('saved')
    expect(await upsertSplit(c!.id, { beatId: c2.id, payeeEmail: x!.email, payeeProducerId: x!.id, percent: 33 })).toBe('saved')
    expect(await upsertSplit(c!.id, { beatId: c2.id, payeeEmail: y, payeeProducerId: null, percent: 33 })).toBe('saved')
    // Over 100 % on one beat is refused.
    expect(await upsertSplit(c!.id, { beatId: c2.id, payeeEmail: 'z@invite.test', payeeProducerId: null, percent: 35 })).toBe('over')

    const accountEvents = [await connect(a!.id), await connect(b!.id), await connect(c!.id), await connect(x!.id)]

    const order = await pendingOrder([
      { beatId: a1.id, paid: 2549, list: 2999 },
      { beatId: a2.id, paid: 4999, list: 4999 },
      { beatId: b1.id, paid: 8499, list: 9999 },
      { beatId: c1.id, paid: 2999, list: 2999 },
      { beatId: c2.id, paid: 3999, list: 4999 },
    ])
    const stops = [await startQueue({ pollingIntervalSeconds: 0.5 }), await startQueue({ pollingIntervalSeconds: 0.5 })]
    try {
      const completed = stripeEvent('checkout.session.completed', order.session)
      expect((await deliver(completed)).outcome).toBe('paid')

      // Everyone connected is paid; the invited collaborator's share waits.
      const rows = await until(() => rowsOf(order.id), (r) => r.filter((x) => x.status === 'PAID').length === 8, 'eight transfers')
      expect(rows).toHaveLength(10)
      const expected = { [a!.id]: 1021 + 4474, [b!.id]: 6099, [c!.id]: 2674 + 1215, [x!.id]: 681 + 1525 + 1180, [`email:${y}`]: 567 + 1179 }
      expect(sumBy(rows, (r) => r.payeeKey, (r) => r.amountCents)).toEqual(expected)
      // Paid 23,045 minus fees 280 + 525 + 875 + 325 + 425 = 20,615, to the cent.
      expect(rows.reduce((s, r) => s + r.amountCents, 0)).toBe(23_045 - 2_430)
      expect(rows.filter((r) => r.payeeKey === `email:${y}`).map((r) => r.status)).toEqual(['PENDING', 'PENDING'])
      const sent = transfersFor(order.id)
      expect(sent).toHaveLength(8)
      expect(sumBy(sent, (t) => t.metadata.payee!, (t) => t.amount)).toEqual({ ...expected, [`email:${y}`]: undefined })
      expect(new Set(sent.map((t) => t.source_transaction))).toEqual(new Set([`ch_${order.session.payment_intent.replace(/^pi_/, '')}`]))
      for (const r of rows.filter((r) => r.status === 'PAID')) expect(fake.connect.transfers.get(r.stripeTransferId!)?.amount).toBe(r.amountCents)

      // Replays: every event again, twice at once, and extra jobs for both workers.
      await Promise.all([completed, ...accountEvents, completed, ...accountEvents].map((e) => deliver(e)))
      await Promise.all([payoutJob.send({ orderId: order.id }), payoutJob.send({ orderId: order.id }), payoutJob.send({})])
      await until(
        () => prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'payouts.transfer' AND state < 'completed'`,
        (r) => r[0]!.n === 0,
        'the queue to drain',
      )
      expect(transfersFor(order.id)).toHaveLength(8)
      expect(await prisma.payoutTransfer.count({ where: { orderId: order.id } })).toBe(10)
      expect(await prisma.outboxEmail.count({ where: { kind: 'payout-sale' } })).toBe(5)

      // The invited collaborator signs up and connects: their waiting shares go out.
      const yProducer = await makeProducer({ email: y })
      await connect(yProducer.id)
      await until(() => rowsOf(order.id), (r) => r.every((x) => x.status === 'PAID'), 'the invited payee paid')
      expect(transfersFor(order.id)).toHaveLength(10)

      // A refund of line 3 (B's beat, X 20 %) reverses exactly that line's transfers.
      const line3 = order.items[2]!.id
      const refund = stripeEvent('charge.refunded', {
        id: 'ch_refund',
        object: 'charge',
        payment_intent: order.session.payment_intent,
        amount: order.totalCents,
        amount_refunded: 8499,
        refunded: false,
        refunds: { object: 'list', data: [{ id: 're_1', object: 'refund', amount: 8499, metadata: { order_item_id: line3 } }] },
      })
      expect((await deliver(refund)).outcome).toBe('partially-refunded')
      const after = await until(() => rowsOf(order.id), (r) => r.filter((x) => x.status === 'REVERSED').length === 2, 'line 3 reversed')
      for (const r of after) {
        const transfer = fake.connect.transfers.get(r.stripeTransferId!)!
        expect(transfer.amount_reversed).toBe(r.orderItemId === line3 ? r.amountCents : 0)
        expect(r.status).toBe(r.orderItemId === line3 ? 'REVERSED' : 'PAID')
      }
      expect(sumBy(after.filter((r) => r.orderItemId === line3), (r) => r.payeeKey, (r) => r.amountCents)).toEqual({ [b!.id]: 6099, [x!.id]: 1525 })
      await deliver(refund)
      expect([...fake.connect.transfers.values()].flatMap((t) => t.reversals.data)).toHaveLength(2)
      expect(await prisma.outboxEmail.count({ where: { kind: 'payout-refund' } })).toBe(2)
    } finally {
      for (const stop of stops.reverse()) await stop()
    }
  }, 120_000)
})

describe('failures, disputes and a killed worker', () => {
  async function connectedBeat() {
    const producer = await makeProducer()
    await connect(producer.id)
    return { producer, beat: await makeBeat({ producerId: producer.id, withFiles: false }) }
  }

  it('a refused transfer is FAILED with the reason in the ledger and succeeds on retry with a fresh key; no account yet means waiting', async () => {
    const { producer, beat } = await connectedBeat()
    const order = await pendingOrder([{ beatId: beat.id, paid: 1000, list: 1000 }])
    await deliver(stripeEvent('checkout.session.completed', order.session))
    fake.connect.failTransfers('insufficient_funds')
    expect(await processPayouts({ orderId: order.id })).toMatchObject({ failed: 1, sent: 0 })
    expect((await rowsOf(order.id))[0]).toMatchObject({ status: 'FAILED', lastError: expect.stringMatching(/balance_insufficient/) })
    expect(await processPayouts({ orderId: order.id })).toMatchObject({ sent: 1 })
    expect((await rowsOf(order.id))[0]).toMatchObject({ status: 'PAID', amountCents: 875, lastError: null })
    const keys = fake.connect.transferRequests.filter((r) => (r.params.metadata as Record<string, string>).order_item_id === order.items[0]!.id).map((r) => r.key)
    expect(keys).toEqual([`transfer:${order.items[0]!.id}:${producer.id}`, `transfer:${order.items[0]!.id}:${producer.id}:r1`])
    expect(transfersFor(order.id)).toHaveLength(1)

    fake.connect.failTransfers('account_not_enabled')
    const second = await pendingOrder([{ beatId: beat.id, paid: 500, list: 500 }])
    await deliver(stripeEvent('checkout.session.completed', second.session))
    await processPayouts({ orderId: second.id })
    expect((await rowsOf(second.id))[0]).toMatchObject({ status: 'FAILED', lastError: expect.stringMatching(/capabilities/) })

    const unconnected = await makeBeat({ withFiles: false })
    const third = await pendingOrder([{ beatId: unconnected.id, paid: 500, list: 500 }])
    await deliver(stripeEvent('checkout.session.completed', third.session))
    expect(await processPayouts({ orderId: third.id })).toMatchObject({ waiting: 1 })
    expect((await rowsOf(third.id))[0]!.status).toBe('PENDING')
  })

  it('a dispute holds unsent transfers; won sends them, lost reverses sent ones', async () => {
    const { beat } = await connectedBeat()
    const held = await pendingOrder([{ beatId: beat.id, paid: 2000, list: 2500 }])
    await deliver(stripeEvent('checkout.session.completed', held.session))
    const dispute = { id: 'dp_held', object: 'dispute', charge: 'ch_d', payment_intent: held.session.payment_intent, status: 'needs_response' }
    await deliver(stripeEvent('charge.dispute.created', dispute))
    expect((await rowsOf(held.id))[0]!.status).toBe('HELD')
    expect(await processPayouts({ orderId: held.id })).toMatchObject({ sent: 0 })
    await deliver(stripeEvent('charge.dispute.closed', { ...dispute, status: 'won' }))
    await processPayouts({ orderId: held.id })
    expect((await rowsOf(held.id))[0]!.status).toBe('PAID')

    const lost = await pendingOrder([{ beatId: beat.id, paid: 2000, list: 2000 }])
    await deliver(stripeEvent('checkout.session.completed', lost.session))
    await processPayouts({ orderId: lost.id })
    const lostDispute = { id: 'dp_lost', object: 'dispute', charge: 'ch_l', payment_intent: lost.session.payment_intent, status: 'needs_response' }
    await deliver(stripeEvent('charge.dispute.created', lostDispute))
    expect((await rowsOf(lost.id))[0]!.status).toBe('PAID')
    await deliver(stripeEvent('charge.dispute.closed', { ...lostDispute, status: 'lost' }))
    expect(await processPayouts({ orderId: lost.id })).toMatchObject({ reversed: 1 })
    const row = (await rowsOf(lost.id))[0]!
    expect(row.status).toBe('REVERSED')
    expect(fake.connect.transfers.get(row.stripeTransferId!)!.amount_reversed).toBe(row.amountCents)
    expect(await prisma.outboxEmail.count({ where: { kind: { in: ['payout-dispute-opened', 'payout-dispute-won', 'payout-dispute-lost'] } } })).toBe(4)
  })

  it('a worker SIGKILLed after Stripe made the transfer and before recording it leaves one transfer, recorded by the next worker', async () => {
    const { beat } = await connectedBeat()
    const order = await pendingOrder([{ beatId: beat.id, paid: 4200, list: 4200 }])
    await deliver(stripeEvent('checkout.session.completed', order.session))
    fake.connect.stallTransfers(true)
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fakes/payout-worker-process.ts', order.id], {
      cwd: process.cwd(),
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await until(async () => transfersFor(order.id).length, (n) => n === 1, 'the transfer to be made', 30_000)
    child.kill('SIGKILL')
    await exited
    fake.connect.stallTransfers(false)
    expect((await rowsOf(order.id))[0]!.status).toBe('PENDING')

    // The killed worker's transaction ends with its connection; then the next worker gets the row.
    await until(() => processPayouts({ orderId: order.id }), (r) => r.sent === 1, 'the row to be worked again')
    const [made] = transfersFor(order.id)
    expect(transfersFor(order.id)).toHaveLength(1)
    expect((await rowsOf(order.id))[0]).toMatchObject({ status: 'PAID', stripeTransferId: made!.id })
    const key = `transfer:${order.items[0]!.id}:`
    expect(fake.connect.transferRequests.filter((r) => r.key.startsWith(key)).length).toBeGreaterThanOrEqual(2)
  }, 60_000)
})

import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { getEnv, reloadEnv, setEnv } from '~/lib/env.server'
import { verifyStripeEvent } from '~/lib/payments/stripe.server'
import { fulfilCheckoutSession } from '~/lib/orders/completion.server'
import { processPayouts } from '~/lib/payouts/transfers.server'
import { LICENSE_TIERS, snapshotTerms } from '~/lib/tiers'
import { prisma } from '~/models/db.server'
import * as ledger from '~/routes/studio.ledger'
import * as ledgerCsv from '~/routes/studio.ledger[.]csv'
import * as payouts from '~/routes/studio.payouts'
import { DEMO_PRODUCERS } from '../../scripts/seed/demo-catalog'
import { seedDemoPayouts } from '../../scripts/seed/demo-payouts'
import { upsertSplit } from '~/models/payouts/beat-split.server'
import { makeBeat, makeProducer } from '../factories'
import { formRequest, getRequest, makeSignedInProducer } from '../factories-studio'
import { paidSession } from '../fakes/stripe-server'
import { callRoute } from '../utils/route'

// The studio side without Stripe keys (the embedded default): the stand-in connects at once and
// records test transfers; splits are managed on the payouts page; the ledger shows each line.

async function paidOrder(beatId: string, paid: number, list: number) {
  const beat = await prisma.beat.findUniqueOrThrow({ where: { id: beatId }, select: { title: true, producerId: true, producer: { select: { displayName: true } } } })
  const order = await prisma.multiItemOrder.create({
    data: {
      totalCents: paid,
      email: 'buyer@example.test',
      items: {
        create: [
          {
            position: 0,
            beatId,
            producerId: beat.producerId,
            tier: 'BASIC',
            priceCents: paid,
            listPriceCents: list,
            beatTitle: beat.title,
            producerName: beat.producer.displayName,
            termsSnapshot: JSON.parse(JSON.stringify(snapshotTerms('BASIC', LICENSE_TIERS.BASIC.defaultTerms))),
          },
        ],
      },
    },
    select: { id: true, totalCents: true },
  })
  expect(await fulfilCheckoutSession(paidSession(order) as never)).toBe('paid')
  return order
}

describe('payouts in the studio (stand-in)', () => {
  it('connects at once in test mode, keeps splits within 100 %, and shows each line with its shares in the ledger and CSV', async () => {
    const owner = await makeSignedInProducer()
    const collaborator = await makeSignedInProducer()
    const beat = await makeBeat({ producerId: owner.id, title: 'Night Drive', withFiles: false })

    const before = await callRoute(payouts.loader, getRequest('/studio/payouts', owner.cookie))
    expect(before.data).toMatchObject({ state: 'not-connected', standInMode: true })

    const connect = await callRoute(payouts.action, formRequest('/studio/payouts', { intent: 'connect' }, { cookie: owner.cookie }))
    expect(connect.data).toMatchObject({ ok: true, message: expect.stringMatching(/test mode/i) })
    expect((await callRoute(payouts.loader, getRequest('/studio/payouts', owner.cookie))).data).toMatchObject({ state: 'stand-in' })

    const add = (fields: Record<string, string>) => callRoute(payouts.action, formRequest('/studio/payouts', { intent: 'add-split', ...fields }, { cookie: owner.cookie }))
    expect((await add({ beatId: beat.id, email: collaborator.email, percent: '40' })).data).toMatchObject({ ok: true })
    const over = await add({ beatId: beat.id, email: 'late@invite.test', percent: '61' })
    expect(over.status).toBe(409)
    expect(over.data).toMatchObject({ ok: false, errors: { formError: expect.stringMatching(/at most 100/) } })
    const bad = await add({ beatId: beat.id, email: 'not-an-email', percent: '1.5' })
    expect(bad.data).toMatchObject({ ok: false, errors: { fieldErrors: { email: [expect.any(String)], percent: [expect.any(String)] } } })
    const notMine = await callRoute(payouts.action, formRequest('/studio/payouts', { intent: 'add-split', beatId: beat.id, email: 'a@b.test', percent: '5' }, { cookie: collaborator.cookie }))
    expect(notMine.status).toBe(404)
    const unknown = await callRoute(payouts.action, formRequest('/studio/payouts', { intent: 'explode' }, { cookie: owner.cookie }))
    expect(unknown.status).toBe(400)

    // $25.00 list, $20.00 paid (a deal); fee 10 % = $2.00; share $18.00: owner 60 % $10.80, collaborator 40 % $7.20.
    const order = await paidOrder(beat.id, 2000, 2500)
    expect(await processPayouts({ orderId: order.id })).toMatchObject({ sent: 1, waiting: 1 })
    const rows = await prisma.payoutTransfer.findMany({ where: { orderId: order.id }, orderBy: { amountCents: 'desc' } })
    expect(rows.map((r) => [r.amountCents, r.status])).toEqual([
      [1080, 'PAID'],
      [720, 'PENDING'],
    ])
    expect(rows[0]!.stripeTransferId).toMatch(/^tr_standin_/)

    // The collaborator connects: their waiting share goes out at once.
    await callRoute(payouts.action, formRequest('/studio/payouts', { intent: 'connect' }, { cookie: collaborator.cookie }))
    expect((await prisma.payoutTransfer.findMany({ where: { orderId: order.id } })).every((r) => r.status === 'PAID')).toBe(true)

    const own = (await callRoute(ledger.loader, getRequest('/studio/ledger', owner.cookie))).data as Awaited<ReturnType<typeof ledger.loader>>
    expect(own.lines).toHaveLength(1)
    expect(own.lines[0]).toMatchObject({ beatTitle: 'Night Drive', grossCents: 2500, discountCents: 500, paidCents: 2000, platformFeeCents: 200, ownLine: true })
    expect(own.lines[0]!.shares.map((s) => [s.amountCents, s.mine])).toEqual([
      [1080, true],
      [720, false],
    ])
    expect(own.months[0]).toMatchObject({ earnedCents: 1080, transferredCents: 1080, waitingCents: 0 })

    const theirs = (await callRoute(ledger.loader, getRequest('/studio/ledger', collaborator.cookie))).data as Awaited<ReturnType<typeof ledger.loader>>
    expect(theirs.lines[0]).toMatchObject({ ownLine: false, beatTitle: 'Night Drive' })
    expect(theirs.lines[0]!.shares.map((s) => [s.amountCents, s.mine])).toEqual([[720, true]])

    const csv = await callRoute(ledgerCsv.loader, getRequest('/studio/ledger.csv', owner.cookie))
    expect(csv.headers.get('Content-Type')).toMatch(/text\/csv/)
    const text = String(csv.data)
    expect(text.split('\n')[0]).toMatch(/^month,date,order,beat,license,currency,gross,discount,paid,platform_fee,payee/)
    expect(text).toMatch(/Night Drive,Basic,USD,25.00,5.00,20.00,2.00,.*,owner,60,10.80,PAID,tr_standin_/)

    // A stranger's ledger is empty; the sale emails went to both payees.
    const stranger = await makeSignedInProducer()
    expect(((await callRoute(ledger.loader, getRequest('/studio/ledger', stranger.cookie))).data as { lines: unknown[] }).lines).toHaveLength(0)
    expect((await prisma.outboxEmail.findMany({ where: { kind: 'payout-sale' }, select: { to: true } })).map((m) => m.to).sort()).toEqual([owner.email, collaborator.email].sort())
  })
})

describe('Connect webhook endpoint', () => {
  it('accepts events signed with STRIPE_CONNECT_WEBHOOK_SECRET as well as the platform secret, and nothing else', async () => {
    setEnv({ STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_connect_test' })
    try {
      const payload = JSON.stringify({ id: 'evt_1', type: 'account.updated', data: { object: { id: 'acct_1' } } })
      const sign = (secret: string) => Stripe.webhooks.generateTestHeaderString({ payload, secret })
      expect(verifyStripeEvent(payload, sign('whsec_connect_test')).type).toBe('account.updated')
      expect(verifyStripeEvent(payload, sign(getEnv().STRIPE_WEBHOOK_SECRET)).id).toBe('evt_1')
      expect(() => verifyStripeEvent(payload, sign('whsec_someone_else'))).toThrow(/verification failed/)
    } finally {
      delete process.env.STRIPE_CONNECT_WEBHOOK_SECRET
      reloadEnv()
    }
  })
})

describe('demo payouts', () => {
  it('connects Nova through the stand-in and gives Kilo 30 % of Night Drive', async () => {
    const nova = await makeProducer({ email: DEMO_PRODUCERS.nova.email })
    const kilo = await makeProducer({ email: DEMO_PRODUCERS.kilo.email })
    const mara = await makeProducer({ email: DEMO_PRODUCERS.mara.email })
    await makeBeat({ producerId: nova.id, title: 'Night Drive', withFiles: false })
    await seedDemoPayouts({ nova: nova.id, kilo: kilo.id, mara: mara.id })
    await seedDemoPayouts({ nova: nova.id, kilo: kilo.id, mara: mara.id })
    expect(await prisma.producer.findUniqueOrThrow({ where: { id: nova.id }, select: { stripeStandIn: true, stripePayoutsEnabled: true } })).toEqual({ stripeStandIn: true, stripePayoutsEnabled: true })
    expect(await prisma.beatSplit.findMany({ where: { beat: { producerId: nova.id } }, select: { percent: true, payeeProducerId: true, beat: { select: { title: true } } } })).toEqual([
      { percent: 30, payeeProducerId: kilo.id, beat: { title: 'Night Drive' } },
    ])
  })
})

describe('splits under concurrency', () => {
  it('two additions racing on one beat cannot together exceed 100 %', async () => {
    const owner = await makeProducer()
    const beat = await makeBeat({ producerId: owner.id, withFiles: false })
    const results = await Promise.all(
      ['one', 'two', 'three'].map((who) => upsertSplit(owner.id, { beatId: beat.id, payeeEmail: `${who}@invite.test`, payeeProducerId: null, percent: 60 })),
    )
    expect(results.sort()).toEqual(['over', 'over', 'saved'])
    expect(await prisma.beatSplit.count({ where: { beatId: beat.id } })).toBe(1)
  })
})

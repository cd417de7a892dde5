import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import * as studioIndex from '~/routes/studio._index'
import * as beatPage from '~/routes/studio.beats.$id'
import * as upload from '~/routes/studio.beats.$id.upload.$kind'
import * as newBeat from '~/routes/studio.beats.new'
import * as sales from '~/routes/studio.sales'
import * as salesCsv from '~/routes/studio.sales[.]csv'
import * as terms from '~/routes/studio.terms'
import { makeBeat } from '../factories'
import { formRequest, getRequest, makeSignedInProducer, makeWav, uploadRequest } from '../factories-studio'
import { routeArgs, run } from '../utils/route'

// A producer can never see or change another producer's beats, files, prices or sales, whatever
// ids they put in the URL or the form. Each studio route is tried with the other producer's ids.

let me: Awaited<ReturnType<typeof makeSignedInProducer>>
let other: Awaited<ReturnType<typeof makeSignedInProducer>>
let theirBeat: { id: string }
let myBeat: { id: string }
let theirLine: string
let myLine: string

beforeAll(async () => {
  me = await makeSignedInProducer()
  other = await makeSignedInProducer()
  myBeat = await makeBeat({ producerId: me.id, title: 'Mine Only' })
  theirBeat = await makeBeat({ producerId: other.id, title: 'Theirs Only', status: 'DRAFT' })
  // One order holding a line of each producer: each must see only their own line.
  const order = await prisma.multiItemOrder.create({
    data: {
      status: 'PAID',
      totalCents: 5000,
      email: 'shared-buyer@example.test',
      buyerName: 'Shared Buyer',
      paidAt: new Date(),
      items: {
        create: [
          { position: 0, beatId: myBeat.id, producerId: me.id, tier: 'BASIC', priceCents: 2500, listPriceCents: 2500, beatTitle: 'Mine Only', producerName: 'me', termsSnapshot: {} },
          { position: 1, beatId: theirBeat.id, producerId: other.id, tier: 'BASIC', priceCents: 2500, listPriceCents: 2500, beatTitle: 'Theirs Only', producerName: 'them', termsSnapshot: {} },
        ],
      },
    },
    select: { items: { orderBy: { position: 'asc' }, select: { id: true } } },
  })
  myLine = order.items[0]!.id
  theirLine = order.items[1]!.id
})

async function theirBeatSnapshot() {
  return prisma.beat.findUniqueOrThrow({
    where: { id: theirBeat.id },
    select: { title: true, status: true, slug: true, tiers: { orderBy: { tier: 'asc' } }, files: { orderBy: { kind: 'asc' } }, updatedAt: true },
  })
}

describe('beat routes refuse foreign ids with 404', () => {
  it.each([theirBeatId, () => 'not-a-uuid', () => randomUUID()])('GET /studio/beats/:id (%#)', async (id) => {
    const res = await run(() => beatPage.loader(routeArgs(getRequest(`/studio/beats/${id()}`, me.cookie), { id: id() })))
    expect(res.status).toBe(404)
  })

  const intents: Record<string, string>[] = [
    { intent: 'details', title: 'Hijacked', bpm: '100', musicalKey: 'A minor', genre: 'Trap', mood: 'Dark' },
    { intent: 'tiers', 'BASIC.enabled': 'on', 'BASIC.price': '1.00', 'TRACKOUT.price': '1.00', 'UNLIMITED.price': '1.00' },
    { intent: 'publish' },
    { intent: 'unpublish' },
    { intent: 'archive' },
    { intent: 'restore' },
    { intent: 'delete' },
    { intent: 'remove-file', kind: 'wav' },
  ]
  it.each(intents.map((f) => [f.intent!, f] as const))('POST /studio/beats/:id intent=%s', async (_intent, fields) => {
    const before = await theirBeatSnapshot()
    const res = await run(() => beatPage.action(routeArgs(formRequest(`/studio/beats/${theirBeat.id}`, fields, { cookie: me.cookie }), { id: theirBeat.id })))
    expect(res.status).toBe(404)
    expect(await theirBeatSnapshot()).toEqual(before)
  })

  it('POST /studio/beats/:id/upload/:kind', async () => {
    const before = await theirBeatSnapshot()
    const res = await run(() =>
      upload.action(routeArgs(uploadRequest(`/studio/beats/${theirBeat.id}/upload/wav`, makeWav(), 'x.wav', { cookie: me.cookie }), { id: theirBeat.id, kind: 'wav' })),
    )
    expect(res.status).toBe(404)
    expect(await theirBeatSnapshot()).toEqual(before)
  })

  it('GET /studio lists only my beats', async () => {
    const res = await run(() => studioIndex.loader(routeArgs(getRequest('/studio', me.cookie))))
    const titles = (res.data as { beats: { title: string }[] }).beats.map((b) => b.title)
    expect(titles).toEqual(['Mine Only'])
  })

  it('POST /studio/beats/new ignores a forged producerId', async () => {
    const res = await run(() =>
      newBeat.action(routeArgs(formRequest('/studio/beats/new', { producerId: other.id, title: 'Planted', bpm: '100', musicalKey: 'A minor', genre: 'Trap', mood: 'Dark' }, { cookie: me.cookie }))),
    )
    expect(res.status).toBe(302)
    const planted = await prisma.beat.findFirstOrThrow({ where: { title: 'Planted' }, select: { producerId: true } })
    expect(planted.producerId).toBe(me.id)
  })
})

describe('terms and sales are per producer', () => {
  it('POST /studio/terms changes only my own caps, whatever producerId the form names', async () => {
    const theirsBefore = await prisma.producerLicenseTerms.findMany({ where: { producerId: other.id }, orderBy: { tier: 'asc' } })
    const res = await run(() =>
      terms.action(routeArgs(formRequest('/studio/terms', { intent: 'terms', producerId: other.id, 'BASIC.distributionCopies': '1', 'BASIC.streams': '', 'BASIC.musicVideos': '0' }, { cookie: me.cookie }))),
    )
    expect(res.status).toBe(200)
    expect(await prisma.producerLicenseTerms.findMany({ where: { producerId: other.id }, orderBy: { tier: 'asc' } })).toEqual(theirsBefore)
    const mine = await prisma.producerLicenseTerms.findUniqueOrThrow({ where: { producerId_tier: { producerId: me.id, tier: 'BASIC' } } })
    expect(mine).toMatchObject({ distributionCopies: 1, streams: null, musicVideos: 0 })
  })

  it('GET /studio/sales and /studio/sales.csv show only my lines of a shared order', async () => {
    const page = await run(() => sales.loader(routeArgs(getRequest('/studio/sales', me.cookie))))
    const lines = (page.data as { lines: { id: string; beatTitle: string }[] }).lines
    expect(lines.map((l) => l.id)).toEqual([myLine])
    const csv = await run(() => salesCsv.loader(routeArgs(getRequest('/studio/sales.csv', me.cookie))))
    expect(csv.headers.get('Content-Type')).toContain('text/csv')
    expect(csv.data).toContain('Mine Only')
    expect(csv.data).not.toContain('Theirs Only')
  })

  it.each(['reset-downloads', 'resend-receipt'])('POST /studio/sales intent=%s with a foreign or forged line id is a 404', async (intent) => {
    for (const lineId of [theirLine, randomUUID(), 'nope']) {
      const res = await run(() => sales.action(routeArgs(formRequest('/studio/sales', { intent, lineId }, { cookie: me.cookie }))))
      expect(res.status).toBe(404)
    }
    const line = await prisma.orderItem.findUniqueOrThrow({ where: { id: theirLine }, select: { downloadsResetAt: true } })
    expect(line.downloadsResetAt).toBeNull()
    expect(await prisma.outboxEmail.count()).toBe(0)
  })
})

describe('signed-out visitors', () => {
  const calls: [string, () => unknown][] = [
    ['GET /studio', () => studioIndex.loader(routeArgs(getRequest('/studio')))],
    ['GET /studio/beats/new', () => newBeat.loader(routeArgs(getRequest('/studio/beats/new')))],
    ['POST /studio/beats/new', () => newBeat.action(routeArgs(formRequest('/studio/beats/new', { title: 'x' })))],
    ['GET /studio/beats/:id', () => beatPage.loader(routeArgs(getRequest(`/studio/beats/${myBeat.id}`), { id: myBeat.id }))],
    ['POST /studio/beats/:id', () => beatPage.action(routeArgs(formRequest(`/studio/beats/${myBeat.id}`, { intent: 'archive' }), { id: myBeat.id }))],
    ['POST upload', () => upload.action(routeArgs(uploadRequest(`/studio/beats/${myBeat.id}/upload/wav`, makeWav(), 'x.wav', { cookie: '' }), { id: myBeat.id, kind: 'wav' }))],
    ['GET /studio/terms', () => terms.loader(routeArgs(getRequest('/studio/terms')))],
    ['POST /studio/terms', () => terms.action(routeArgs(formRequest('/studio/terms', { intent: 'terms' })))],
    ['GET /studio/sales', () => sales.loader(routeArgs(getRequest('/studio/sales')))],
    ['POST /studio/sales', () => sales.action(routeArgs(formRequest('/studio/sales', { intent: 'reset-downloads', lineId: myLine })))],
    ['GET /studio/sales.csv', () => salesCsv.loader(routeArgs(getRequest('/studio/sales.csv')))],
  ]
  it.each(calls)('%s redirects to the login page', async (_name, call) => {
    const res = await run(call)
    expect(res.status).toBe(302)
    expect(res.location).toMatch(/^\/studio\/login\?redirectTo=/)
    expect((await prisma.beat.findUniqueOrThrow({ where: { id: myBeat.id }, select: { status: true } })).status).toBe('PUBLISHED')
  })
})

function theirBeatId() {
  return theirBeat.id
}

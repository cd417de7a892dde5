import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { chartGeometry, niceMax } from '~/lib/studio/sales-chart'
import { getSalesOverview } from '~/lib/studio/sales.server'
import * as sales from '~/routes/studio.sales'
import * as salesCsv from '~/routes/studio.sales[.]csv'
import { makeBeat } from '../factories'
import { formRequest, getRequest, makeOrderLine, makeSignedInProducer } from '../factories-studio'
import { routeArgs, run } from '../utils/route'

const DAY = 24 * 60 * 60 * 1000

async function logDownloads(orderItemId: string, count: number, at: Date, allowed = true) {
  for (let i = 0; i < count; i++) {
    await prisma.downloadLog.create({ data: { orderItemId, fileKind: 'MP3', allowed, ip: '127.0.0.1', userAgent: 'test', createdAt: at } })
  }
}

describe('sales overview', () => {
  it('counts paid lines per day, nets out refunds, ranks top beats, and skips pending orders', async () => {
    const p = await makeSignedInProducer()
    const a = await makeBeat({ producerId: p.id, title: 'Alpha' })
    const b = await makeBeat({ producerId: p.id, title: 'Bravo' })
    const now = new Date()
    await makeOrderLine({ beatId: a.id, producerId: p.id, priceCents: 2500, paidAt: now, beatTitle: 'Alpha' })
    await makeOrderLine({ beatId: a.id, producerId: p.id, priceCents: 10000, tier: 'TRACKOUT', paidAt: new Date(now.getTime() - 2 * DAY), beatTitle: 'Alpha' })
    await makeOrderLine({ beatId: b.id, producerId: p.id, priceCents: 4000, paidAt: now, beatTitle: 'Bravo' })
    await makeOrderLine({ beatId: b.id, producerId: p.id, priceCents: 9999, status: 'REFUNDED', paidAt: now, beatTitle: 'Bravo' })
    await makeOrderLine({ beatId: b.id, producerId: p.id, priceCents: 7777, status: 'PENDING', beatTitle: 'Bravo' })
    await makeOrderLine({ beatId: b.id, producerId: p.id, priceCents: 5555, paidAt: new Date(now.getTime() - 60 * DAY), beatTitle: 'Bravo' })

    const o = await getSalesOverview(p.id, '30', now)
    expect(o.series).toHaveLength(30)
    expect(o.series[29]).toMatchObject({ day: now.toISOString().slice(0, 10), cents: 6500, lines: 2 })
    expect(o.series[27]!.cents).toBe(10000)
    expect(o.totals).toEqual({ revenueCents: 16500, sales: 3 })
    expect(o.top.map((t) => [t.title, t.sales, t.revenueCents])).toEqual([
      ['Alpha', 2, 12500],
      ['Bravo', 1, 4000],
    ])
    // The list shows every sold line (refunded too, marked), never the pending one.
    expect(o.lines.map((l) => l.priceCents).sort((x, y) => x - y)).toEqual([2500, 4000, 5555, 9999, 10000])
    const year = await getSalesOverview(p.id, '365', now)
    expect(year.totals.revenueCents).toBe(16500 + 5555)
  })

  it('shows downloads per line from the download log and resets the counted ones', async () => {
    const p = await makeSignedInProducer()
    const beat = await makeBeat({ producerId: p.id })
    const { lineId } = await makeOrderLine({ beatId: beat.id, producerId: p.id })
    await logDownloads(lineId, 3, new Date(Date.now() - 60_000))
    await logDownloads(lineId, 2, new Date(Date.now() - 60_000), false)
    const before = await run(() => sales.loader(routeArgs(getRequest('/studio/sales', p.cookie))))
    const line = (before.data as { lines: { id: string; downloads: { total: number; counted: number } }[] }).lines[0]!
    expect(line.downloads).toMatchObject({ total: 3, counted: 3 })

    const reset = await run(() => sales.action(routeArgs(formRequest('/studio/sales', { intent: 'reset-downloads', lineId }, { cookie: p.cookie }))))
    expect(reset.status).toBe(200)
    const { downloadsResetAt } = await prisma.orderItem.findUniqueOrThrow({ where: { id: lineId }, select: { downloadsResetAt: true } })
    expect(downloadsResetAt).toBeInstanceOf(Date)
    await logDownloads(lineId, 1, new Date())
    const after = await run(() => sales.loader(routeArgs(getRequest('/studio/sales', p.cookie))))
    expect((after.data as { lines: { downloads: { total: number; counted: number } }[] }).lines[0]!.downloads).toMatchObject({ total: 4, counted: 1 })
  })

  it('resends the receipt by re-queueing it, rate-limited, and only for paid orders', async () => {
    const p = await makeSignedInProducer()
    const beat = await makeBeat({ producerId: p.id })
    const paid = await makeOrderLine({ beatId: beat.id, producerId: p.id, email: 'buyer@example.test' })
    await prisma.outboxEmail.create({
      data: { dedupeKey: `receipt:${paid.orderId}`, kind: 'receipt', to: 'buyer@example.test', subject: 'Receipt', text: 't', html: 'h', status: 'SENT', sentAt: new Date(), attempts: 1 },
    })
    const res = await run(() => sales.action(routeArgs(formRequest('/studio/sales', { intent: 'resend-receipt', lineId: paid.lineId }, { cookie: p.cookie }))))
    expect(res.status).toBe(200)
    expect((res.data as { message: string }).message).toContain('buyer@example.test')
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `receipt:${paid.orderId}` } })
    expect(row).toMatchObject({ status: 'PENDING', sentAt: null, attempts: 0 })
    // Rebuilt, not just re-sent: the old receipt's 30-minute order link has long expired.
    expect(row.text).toContain('/orders/view?token=')

    for (let i = 0; i < 2; i++) await run(() => sales.action(routeArgs(formRequest('/studio/sales', { intent: 'resend-receipt', lineId: paid.lineId }, { cookie: p.cookie }))))
    const limited = await run(() => sales.action(routeArgs(formRequest('/studio/sales', { intent: 'resend-receipt', lineId: paid.lineId }, { cookie: p.cookie }))))
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)

    const refunded = await makeOrderLine({ beatId: beat.id, producerId: p.id, status: 'REFUNDED' })
    const refused = await run(() => sales.action(routeArgs(formRequest('/studio/sales', { intent: 'resend-receipt', lineId: refunded.lineId }, { cookie: p.cookie }))))
    expect(refused.status).toBe(409)
  })

  it('queues a receipt when none was queued before', async () => {
    const p = await makeSignedInProducer()
    const beat = await makeBeat({ producerId: p.id })
    const paid = await makeOrderLine({ beatId: beat.id, producerId: p.id, email: 'first@example.test' })
    const res = await run(() => sales.action(routeArgs(formRequest('/studio/sales', { intent: 'resend-receipt', lineId: paid.lineId }, { cookie: p.cookie }))))
    expect(res.status).toBe(200)
    expect(await prisma.outboxEmail.count({ where: { to: 'first@example.test', kind: 'receipt' } })).toBe(1)
  })

  it('answers 400 to an unknown intent', async () => {
    const p = await makeSignedInProducer()
    expect((await run(() => sales.action(routeArgs(formRequest('/studio/sales', { intent: 'refund-everything' }, { cookie: p.cookie }))))).status).toBe(400)
    // Cross-site posts never reach the action: the HTTP server refuses them first
    // (studio-uploads-http.test.ts, "cross-site posts").
  })
})

describe('sales CSV', () => {
  it('exports every sold line with a header, defusing formula-looking cells', async () => {
    const p = await makeSignedInProducer()
    const beat = await makeBeat({ producerId: p.id })
    await makeOrderLine({ beatId: beat.id, producerId: p.id, beatTitle: '=HYPERLINK("http://evil")', buyerName: '+SUM(A1)', priceCents: 2999 })
    const res = await run(() => salesCsv.loader(routeArgs(getRequest('/studio/sales.csv', p.cookie))))
    expect(res.headers.get('Content-Disposition')).toMatch(/attachment; filename="beatstall-sales-\d{4}-\d{2}-\d{2}\.csv"/)
    const [header, row] = String(res.data).trim().split('\n')
    expect(header).toBe('order,paid_at,beat,license,price,currency,order_status,line_status,buyer_name,buyer_email,downloads_total,downloads_since_reset,gross,discounts,net,discount_reasons')
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(row).toContain("'+SUM(A1)")
    expect(row).toContain('29.99,USD,PAID,ACTIVE')
  })
})

describe('revenue chart geometry', () => {
  it('rounds the axis to readable money and scales bars to it', () => {
    expect(niceMax(0)).toBe(10_000)
    expect(niceMax(12_345)).toBe(20_000)
    expect(niceMax(50_000)).toBe(50_000)
    const g = chartGeometry([{ day: 'a', cents: 0 }, { day: 'b', cents: 5_000 }, { day: 'c', cents: 10_000 }], 300, 104)
    expect(g.maxCents).toBe(10_000)
    expect(g.bars.map((b) => b.h)).toEqual([0, 50, 100])
    expect(g.bars[2]!.y).toBe(4)
    expect(g.gridlines.at(-1)).toEqual({ y: 4, cents: 10_000 })
  })
})

import { z } from 'zod'
import { prisma } from '~/models/db.server'
import { ConflictError } from '~/lib/errors'
import { requeueReceipt } from '~/lib/mail/order-notifications.server'
import { createRateLimit } from '~/lib/security/rate-limit.server'
import { notFound } from '~/models/studio-beat.server'
import { SALES_RANGES, type SalesRange } from './sales-range'
import { findOwnSalesLine, listSalesLines, resetLineDownloads, revenueByDay, topBeats } from '~/models/studio-sales.server'

// The sales page: lines of the producer's own beats, revenue per day, top beats, and the two
// things a producer may do for a buyer (reset the download count, resend the receipt).


export const rangeSchema = z
  .enum(Object.keys(SALES_RANGES) as [SalesRange, ...SalesRange[]])
  .catch('30')

const DAY_MS = 24 * 60 * 60 * 1000

export async function getSalesOverview(producerId: string, range: SalesRange, now = new Date()) {
  const days = SALES_RANGES[range]
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY_MS)
  const [lines, perDay, top] = await Promise.all([
    listSalesLines(producerId, { take: 200 }),
    revenueByDay(producerId, start),
    topBeats(producerId, start),
  ])
  const byDay = new Map(perDay.map((d) => [d.day, d]))
  const series = Array.from({ length: days }, (_, i) => {
    const day = new Date(start.getTime() + i * DAY_MS).toISOString().slice(0, 10)
    return { day, cents: byDay.get(day)?.cents ?? 0, lines: byDay.get(day)?.lines ?? 0 }
  })
  return {
    lines,
    series,
    top,
    totals: {
      revenueCents: series.reduce((s, d) => s + d.cents, 0),
      sales: series.reduce((s, d) => s + d.lines, 0),
    },
  }
}

const lineId = z.uuid()

async function requireOwnLine(producerId: string, id: string) {
  if (!lineId.safeParse(id).success) notFound('sale')
  const line = await findOwnSalesLine(producerId, id)
  if (!line) notFound('sale')
  return line
}

/** Downloads logged before now stop counting against the buyer's limit. */
export async function resetDownloadCount(producerId: string, orderItemId: string) {
  const line = await requireOwnLine(producerId, orderItemId)
  await resetLineDownloads(line.id)
}

const resendPerOrder = createRateLimit({ name: 'resend-receipt-order', points: 3, durationSeconds: 60 * 60 })

/**
 * Sends the buyer's receipt again, rebuilt now so its order-page link (valid 30 minutes) is fresh.
 */
export async function resendReceipt(producerId: string, orderItemId: string) {
  const line = await requireOwnLine(producerId, orderItemId)
  if (line.order.status !== 'PAID') throw new ConflictError('Only paid orders have a receipt to resend.')
  if (!line.order.email) throw new ConflictError('This order has no buyer email to send to.')
  await resendPerOrder.consume(line.orderId, 'This receipt was resent several times in the last hour. Try again later.')
  await prisma.$transaction((tx) => requeueReceipt(tx, line.orderId))
  return { email: line.order.email }
}

import { orderPageLink } from '~/lib/access/order-access.server'
import type { Tx } from '~/lib/db.server'
import type { LicenseTermsSnapshot, TierId } from '~/lib/tiers'
import { queueEmail } from './outbox.server'
import { disputeNoticeEmail, receiptEmail, refundNoticeEmail } from './templates.server'

// Order emails, queued in the transaction that changes the order (the outbox), so a paid order
// and its receipt commit together. Dedupe keys make repeated webhooks queue nothing new; a
// second dispute or a later partial refund gets its own key (by time of the state change).

export { queueEmail } from './outbox.server'

async function loadOrder(tx: Tx, orderId: string) {
  return tx.multiItemOrder.findUnique({
    where: { id: orderId },
    select: {
      number: true,
      email: true,
      buyerName: true,
      totalCents: true,
      currency: true,
      paidAt: true,
      createdAt: true,
      refundedAt: true,
      disputedAt: true,
      items: {
        orderBy: { position: 'asc' },
        select: { beatTitle: true, producerName: true, tier: true, priceCents: true, termsSnapshot: true, status: true, refundedAt: true },
      },
    },
  })
}

export async function queueReceipt(tx: Tx, orderId: string): Promise<void> {
  const receipt = await buildReceipt(tx, orderId)
  if (receipt) await queueEmail(tx, receipt)
}

/**
 * Sends the receipt again (the studio's "resend receipt"): rebuilt now, so its order-page link is
 * fresh, and put back in the queue whether or not it was sent before.
 */
export async function requeueReceipt(tx: Tx, orderId: string): Promise<boolean> {
  const receipt = await buildReceipt(tx, orderId)
  if (!receipt) return false
  const { dedupeKey, ...body } = receipt
  await tx.outboxEmail.upsert({
    where: { dedupeKey },
    create: receipt,
    update: { ...body, status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), sentAt: null, lastError: null },
    select: { id: true },
  })
  return true
}

async function buildReceipt(tx: Tx, orderId: string) {
  const order = await loadOrder(tx, orderId)
  if (!order?.email) return null
  const body = receiptEmail({
    number: order.number,
    buyerName: order.buyerName,
    totalCents: order.totalCents,
    currency: order.currency,
    paidAt: order.paidAt ?? order.createdAt,
    orderLink: orderPageLink(order.email),
    lines: order.items.map((i) => ({
      beatTitle: i.beatTitle,
      producerName: i.producerName,
      tier: i.tier as TierId,
      priceCents: i.priceCents,
      terms: (i.termsSnapshot as LicenseTermsSnapshot | null)?.terms ?? null,
    })),
  })
  return { dedupeKey: `receipt:${orderId}`, kind: 'receipt', to: order.email, ...body }
}

/** Lists the refunded lines (all lines when the whole order was refunded). */
export async function queueRefundNotice(tx: Tx, orderId: string): Promise<void> {
  const order = await loadOrder(tx, orderId)
  if (!order?.email) return
  const refunded = order.items.filter((i) => i.status === 'REFUNDED')
  const lines = (refunded.length ? refunded : order.items).map((i) => ({ beatTitle: i.beatTitle, tier: i.tier as TierId }))
  const stamp = Math.max(order.refundedAt?.getTime() ?? 0, ...refunded.map((i) => i.refundedAt?.getTime() ?? 0))
  const body = refundNoticeEmail({ number: order.number, lines, orderLink: orderPageLink(order.email) })
  await queueEmail(tx, { dedupeKey: `refund:${orderId}:${stamp}:${lines.length}`, kind: 'refund', to: order.email, ...body })
}

export async function queueDisputeNotice(tx: Tx, orderId: string): Promise<void> {
  const order = await loadOrder(tx, orderId)
  if (!order?.email) return
  const body = disputeNoticeEmail({
    number: order.number,
    lines: order.items.map((i) => ({ beatTitle: i.beatTitle, tier: i.tier as TierId })),
    orderLink: orderPageLink(order.email),
  })
  await queueEmail(tx, { dedupeKey: `dispute:${orderId}:${order.disputedAt?.getTime() ?? 0}`, kind: 'dispute', to: order.email, ...body })
}

import { orderPageLink } from '~/lib/access/order-access.server'
import type { prisma, Tx } from '~/lib/db.server'
import type { LicenseTermsSnapshot, TierId } from '~/lib/tiers'
import { queueEmail } from './outbox.server'
import { disputeNoticeEmail, receiptEmail, refundNoticeEmail } from './templates.server'

// Order emails, queued in the transaction that changes the order (the outbox), so a paid order
// and its receipt commit together. Dedupe keys make repeated webhooks queue nothing new; a
// second dispute or a later partial refund gets its own key (by time of the state change).

export { queueEmail } from './outbox.server'

type Db = Tx | typeof prisma

async function loadOrder(tx: Db, orderId: string) {
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

/**
 * Queues the receipt as a "lazy" row: addressed and keyed (`receipt:<orderId>`) but with an empty
 * body, which the outbox worker renders when it sends it (renderLazyReceipt). Rendering is the
 * costly part of fulfilment and the order page link it carries should be fresh when the buyer
 * reads it, so neither belongs in the paying transaction. The webhook's one-statement fast path
 * (orders/fulfilment.server.ts) inserts the same row shape in SQL; keep the two in step.
 */
export async function queueReceipt(tx: Tx, orderId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "OutboxEmail" ("dedupeKey", kind, "to", subject, "text", html)
    SELECT 'receipt:' || id::text, 'receipt', email, '', '', '' FROM "MultiItemOrder"
    WHERE id = ${orderId}::uuid AND email IS NOT NULL
    ON CONFLICT ("dedupeKey") DO NOTHING`
}

/** A receipt row queued by queueReceipt (or the fast path) whose body is rendered at send time. */
export function isLazyReceipt(row: { kind: string; html: string }): boolean {
  return row.kind === 'receipt' && row.html === ''
}

/** Renders a lazy receipt row from its order, now (so the order link is fresh); null if the order is gone. */
export async function renderLazyReceipt(db: Db, dedupeKey: string) {
  const orderId = dedupeKey.startsWith('receipt:') ? dedupeKey.slice('receipt:'.length) : null
  if (!orderId) return null
  const receipt = await buildReceipt(db, orderId)
  return receipt && { subject: receipt.subject, text: receipt.text, html: receipt.html }
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

async function buildReceipt(tx: Db, orderId: string) {
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

import { orderPageLink } from '~/lib/access/order-access.server'
import type { Tx } from '~/models/db.server'
import type { LicenseTermsSnapshot, TierId } from '~/lib/tiers'
import { findOrderForMail, type Db } from '~/models/order/order.server'
import { queueEmail, RECEIPT_KEY_PREFIX, requeueEmail } from '~/models/outbox-email.server'
import { readAdjustments } from '~/lib/pricing/adjustments'
import { disputeNoticeEmail, receiptEmail, refundNoticeEmail } from './templates.server'
import { findOrderLineIds } from '~/models/order/lines.server'
import { getLicense } from '~/lib/pdf/license.server'
import { renderLicensePdf } from '~/lib/pdf/license-pdf.server'
import { licensePdfName } from '~/lib/pdf/license-file.server'

// Order emails, queued in the transaction that changes the order (the outbox), so a change and
// its notice commit together. Dedupe keys make repeated webhooks queue nothing new; a second
// dispute or a later partial refund gets its own key (by time of the state change).
// The receipt itself is queued by the paid completion, unrendered (insertReceiptsFor in the
// outbox model); the worker renders it here when it sends it.

/** A receipt queued to be rendered at send time, rendered now (so the order link is fresh); null if the order is gone. */
export async function renderReceiptAtSend(dedupeKey: string, now = new Date(), db?: Db) {
  const orderId = dedupeKey.startsWith(RECEIPT_KEY_PREFIX) ? dedupeKey.slice(RECEIPT_KEY_PREFIX.length) : null
  if (!orderId) return null
  const receipt = await buildReceipt(orderId, now, db)
  return receipt && { subject: receipt.subject, text: receipt.text, html: receipt.html }
}

/** The license PDF of every licensed line of a receipt's order, rendered now (current status). */
export async function receiptAttachments(dedupeKey: string) {
  const orderId = dedupeKey.startsWith(RECEIPT_KEY_PREFIX) ? dedupeKey.slice(RECEIPT_KEY_PREFIX.length) : null
  const order = orderId ? await findOrderLineIds(orderId) : null
  const out: { filename: string; content: Buffer; contentType: string }[] = []
  for (const [position, { id }] of (order?.items ?? []).entries()) {
    const license = await getLicense(id)
    if (!license) continue
    out.push({
      filename: `${String(position + 1).padStart(2, '0')} ${licensePdfName(license.beatTitle, license.tierLabel)}`,
      content: await renderLicensePdf(license),
      contentType: 'application/pdf',
    })
  }
  return out
}

/**
 * Sends the receipt again (the studio's "resend receipt"): rebuilt now, so its order-page link is
 * fresh, and put back in the queue whether or not it was sent before.
 */
export async function requeueReceipt(tx: Tx, orderId: string, now = new Date()): Promise<boolean> {
  const receipt = await buildReceipt(orderId, now, tx)
  if (!receipt) return false
  await requeueEmail(tx, receipt)
  return true
}

async function buildReceipt(orderId: string, now: Date, db?: Db) {
  const order = await findOrderForMail(orderId, db)
  if (!order?.email) return null
  const body = receiptEmail({
    number: order.number,
    buyerName: order.buyerName,
    totalCents: order.totalCents,
    currency: order.currency,
    paidAt: order.paidAt ?? order.createdAt,
    orderLink: orderPageLink(order.email, now),
    lines: order.items.map((i) => ({
      beatTitle: i.beatTitle,
      producerName: i.producerName,
      tier: i.tier as TierId,
      priceCents: i.priceCents,
      listPriceCents: i.listPriceCents,
      adjustments: readAdjustments(i.adjustments),
      terms: (i.termsSnapshot as LicenseTermsSnapshot | null)?.terms ?? null,
    })),
  })
  return { dedupeKey: `${RECEIPT_KEY_PREFIX}${orderId}`, kind: 'receipt', to: order.email, ...body }
}

/** Lists the refunded lines (all lines when the whole order was refunded). */
export async function queueRefundNotice(tx: Tx, orderId: string): Promise<void> {
  const order = await findOrderForMail(orderId, tx)
  if (!order?.email) return
  const refunded = order.items.filter((i) => i.status === 'REFUNDED')
  const lines = (refunded.length ? refunded : order.items).map((i) => ({ beatTitle: i.beatTitle, tier: i.tier as TierId }))
  const stamp = Math.max(order.refundedAt?.getTime() ?? 0, ...refunded.map((i) => i.refundedAt?.getTime() ?? 0))
  const body = refundNoticeEmail({ number: order.number, lines, orderLink: orderPageLink(order.email) })
  await queueEmail(tx, { dedupeKey: `refund:${orderId}:${stamp}:${lines.length}`, kind: 'refund', to: order.email, ...body })
}

export async function queueDisputeNotice(tx: Tx, orderId: string): Promise<void> {
  const order = await findOrderForMail(orderId, tx)
  if (!order?.email) return
  const body = disputeNoticeEmail({
    number: order.number,
    lines: order.items.map((i) => ({ beatTitle: i.beatTitle, tier: i.tier as TierId })),
    orderLink: orderPageLink(order.email),
  })
  await queueEmail(tx, { dedupeKey: `dispute:${orderId}:${order.disputedAt?.getTime() ?? 0}`, kind: 'dispute', to: order.email, ...body })
}

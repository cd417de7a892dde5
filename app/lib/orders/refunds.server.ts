import type Stripe from 'stripe'
import type { Tx } from '~/lib/db.server'
import { queueRefundNotice } from '~/lib/mail/order-notifications.server'
import { transitionOrder } from '~/models/order.server'
import type { EventOutcome } from './fulfilment.server'

/**
 * `charge.refunded`. A full refund (charge.refunded, or amount_refunded ≥ the order total) makes the
 * order REFUNDED and revokes every line. A partial refund revokes lines only, the order stays PAID:
 *  1. refunds carrying `metadata.order_item_id` (how the store's own tools refund a line) revoke
 *     exactly those lines;
 *  2. otherwise the cumulative `amount_refunded`, minus the lines already revoked, is matched to
 *     lines: a line whose price equals it exactly (latest first), else lines from the latest back
 *     while the amount still covers a whole line. An amount that covers no whole line revokes
 *     nothing (a goodwill discount, not a license withdrawal).
 */
export async function applyRefund(tx: Tx, orderId: string, charge: Stripe.Charge): Promise<EventOutcome> {
  const order = await tx.multiItemOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      totalCents: true,
      items: { select: { id: true, priceCents: true, status: true, position: true }, orderBy: { position: 'desc' } },
    },
  })
  if (order.status !== 'PAID' && order.status !== 'DISPUTED') return 'no-change'
  const now = new Date()

  if (charge.refunded || charge.amount_refunded >= order.totalCents) {
    await transitionOrder(tx, orderId, ['PAID', 'DISPUTED'], { status: 'REFUNDED', refundedAt: now })
    await tx.orderItem.updateMany({ where: { orderId, status: 'ACTIVE' }, data: { status: 'REFUNDED', refundedAt: now } })
    await queueRefundNotice(tx, orderId)
    return 'refunded'
  }

  const active = order.items.filter((i) => i.status === 'ACTIVE')
  const named = new Set(
    (charge.refunds?.data ?? []).map((r) => r.metadata?.order_item_id).filter((id): id is string => !!id),
  )
  let revoke: string[]
  if (named.size) {
    revoke = active.filter((i) => named.has(i.id)).map((i) => i.id)
  } else {
    const alreadyRevoked = order.items.filter((i) => i.status === 'REFUNDED').reduce((s, i) => s + i.priceCents, 0)
    let remaining = charge.amount_refunded - alreadyRevoked
    const exact = active.find((i) => i.priceCents === remaining)
    revoke = []
    if (exact) revoke.push(exact.id)
    else
      for (const item of active)
        if (item.priceCents <= remaining) {
          revoke.push(item.id)
          remaining -= item.priceCents
        }
  }
  if (!revoke.length) return 'no-change'
  await tx.orderItem.updateMany({ where: { id: { in: revoke }, status: 'ACTIVE' }, data: { status: 'REFUNDED', refundedAt: now } })
  if (revoke.length === active.length) {
    await transitionOrder(tx, orderId, ['PAID', 'DISPUTED'], { status: 'REFUNDED', refundedAt: now })
  }
  await queueRefundNotice(tx, orderId)
  return revoke.length === active.length ? 'refunded' : 'partially-refunded'
}

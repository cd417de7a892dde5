import type Stripe from 'stripe'
import type { Tx } from '~/models/db.server'
import { queueRefundNotice } from '~/lib/mail/order-notifications.server'
import { reversePayoutsOfRefundedLines } from '~/lib/payouts/adjustments.server'
import { findOrderForRefund } from '~/models/order/order.server'
import { markLinesRefunded, markRefunded } from '~/models/order/transitions.server'
import type { EventOutcome } from './event-outcome'

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
  const order = await findOrderForRefund(orderId, tx)
  if (order.status !== 'PAID' && order.status !== 'DISPUTED') return 'no-change'
  const now = new Date()

  if (charge.refunded || charge.amount_refunded >= order.totalCents) {
    await markRefunded(tx, orderId, now)
    await queueRefundNotice(tx, orderId)
    await reversePayoutsOfRefundedLines(tx, orderId)
    return 'refunded'
  }

  const active = order.items.filter((i) => i.status === 'ACTIVE')
  const revoke = linesToRevoke(order.items, charge)
  if (!revoke.length) return 'no-change'
  await markLinesRefunded(tx, orderId, revoke, now)
  if (revoke.length === active.length) await markRefunded(tx, orderId, now)
  await queueRefundNotice(tx, orderId)
  await reversePayoutsOfRefundedLines(tx, orderId)
  return revoke.length === active.length ? 'refunded' : 'partially-refunded'
}

/** The lines a partial refund revokes (rules 1 and 2 above); `items` latest first. */
function linesToRevoke(items: { id: string; priceCents: number; status: string }[], charge: Stripe.Charge): string[] {
  const active = items.filter((i) => i.status === 'ACTIVE')
  const named = new Set(
    (charge.refunds?.data ?? []).map((r) => r.metadata?.order_item_id).filter((id): id is string => !!id),
  )
  if (named.size) return active.filter((i) => named.has(i.id)).map((i) => i.id)
  const alreadyRevoked = items.filter((i) => i.status === 'REFUNDED').reduce((s, i) => s + i.priceCents, 0)
  let remaining = charge.amount_refunded - alreadyRevoked
  const exact = active.find((i) => i.priceCents === remaining)
  if (exact) return [exact.id]
  const revoke: string[] = []
  for (const item of active)
    if (item.priceCents <= remaining) {
      revoke.push(item.id)
      remaining -= item.priceCents
    }
  return revoke
}

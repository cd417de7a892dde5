import type { Tx } from '~/models/db.server'
import { queueRefundNotice } from '~/lib/mail/order-notifications.server'
import { getStripe } from '~/lib/payments/stripe.server'
import { flagOrder, markLinesRefunded, markRefunded } from '~/models/order/transitions.server'
import { refundLineJob } from './exclusive-jobs.server'

// Lines of a just-paid order that the store cannot honour (a beat sold exclusively meanwhile, a
// license another payment already upgraded): revoked and refunded in the completion's transaction,
// the money returned by a job after the commit, the order flagged for the operator and the buyer
// told. The whole order is refunded when no line is left.

export interface RefusedLine {
  id: string
  priceCents: number
}

export async function refuseLines(tx: Tx, orderId: string, paymentIntentId: string | null, refused: RefusedLine[], activeCount: number, flag: string) {
  const now = new Date()
  await markLinesRefunded(tx, orderId, refused.map((l) => l.id), now)
  if (refused.length === activeCount) await markRefunded(tx, orderId, now)
  await flagOrder(tx, orderId, flag)
  await queueRefundNotice(tx, orderId)
  for (const line of refused) {
    if (line.priceCents > 0 && paymentIntentId && getStripe())
      await refundLineJob.sendIn(tx, { paymentIntentId, itemId: line.id, orderId, amountCents: line.priceCents }, { singletonKey: `refund-${line.id}` })
  }
}

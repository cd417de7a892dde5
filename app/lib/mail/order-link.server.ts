import { normalizeEmail, orderPageLink } from '~/lib/access/order-access.server'
import type { Tx } from '~/models/db.server'
import { insertMailRequest } from '~/models/mail-request.server'
import { hasOrdersForEmail } from '~/models/order/order.server'
import { queueEmail } from '~/models/outbox-email.server'
import { orderLinkEmail } from './templates.server'

// "Email me my order link". The request only records what was asked (one insert, the same for
// every address); the mail worker looks the address up and queues the link only when it has orders
// worth showing. The caller answers the same either way, in the same time, so nobody learns who
// bought what.
export async function requestOrderLink(rawEmail: string): Promise<void> {
  await insertMailRequest('order-link', normalizeEmail(rawEmail))
}

/** Queues the order link in `tx` if the address has orders; `requestId` makes it idempotent. */
export async function queueOrderLinkIfBuyer(tx: Tx, email: string, requestId: string, now = new Date()): Promise<boolean> {
  if (!(await hasOrdersForEmail(email, tx))) return false
  const body = orderLinkEmail(orderPageLink(email, now))
  return queueEmail(tx, { dedupeKey: `order-link:${requestId}`, kind: 'order-link', to: email, ...body })
}

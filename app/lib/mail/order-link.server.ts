import { normalizeEmail, orderPageLink } from '~/lib/access/order-access.server'
import { prisma } from '~/lib/db.server'
import { hasOrdersForEmail } from '~/models/order/order.server'
import { queueEmail } from '~/models/outbox-email.server'
import { orderLinkEmail } from './templates.server'

// "Email me my order link": queued only when the address has orders worth showing; the caller
// answers the same either way, so nobody learns who bought what.
export async function requestOrderLink(rawEmail: string, now = new Date()): Promise<void> {
  const email = normalizeEmail(rawEmail)
  if (!(await hasOrdersForEmail(email))) return
  const body = orderLinkEmail(orderPageLink(email, now))
  await prisma.$transaction((tx) =>
    queueEmail(tx, { dedupeKey: `order-link:${email}:${now.getTime()}`, kind: 'order-link', to: email, ...body }),
  )
}

import type { Tx } from '~/models/db.server'
import { orderPageLink } from '~/lib/access/order-access.server'
import { duplicateExclusiveEmail, soldExclusivelyEmail } from '~/lib/mail/exclusive-templates.server'
import { isTestSessionId } from '~/lib/payments/checkout-session.server'
import { getStripe } from '~/lib/payments/stripe.server'
import {
  findLeaseHolderEmails,
  findOpenCheckoutsWithBeat,
  findOrderItemStanding,
  findProducerContact,
  lockPaidLines,
  markBeatSoldExclusively,
  releaseExclusiveHolds,
} from '~/models/exclusive.server'
import { findOrderForMail } from '~/models/order/order.server'
import { markExpired } from '~/models/order/transitions.server'
import { queueEmail } from '~/models/outbox-email.server'
import { expireCheckoutSessionJob } from './exclusive-jobs.server'
import { refuseLines } from './refuse-lines.server'

// What a payment means for exclusive rights, decided in the paid completion's transaction (the
// order has just moved to PAID; its beats are locked, so sales of one beat happen one at a time):
//
// - an Exclusive line whose beat is still unsold buys it: the beat comes off sale for every tier,
//   open checkouts with lines for it are expired (Stripe's after the commit, by a job), and earlier
//   lease holders are told by email that they keep their licenses;
// - a line for a beat already sold exclusively (a second Exclusive, or a lease whose checkout was
//   paid before its expiry reached Stripe) cannot be honoured: it is revoked, refunded (by a job,
//   after the commit), the order is flagged and the producer told.

type PaidLine = Awaited<ReturnType<typeof lockPaidLines>>[number]

export async function settleExclusiveRights(tx: Tx, orderId: string, paymentIntentId: string | null): Promise<void> {
  const lines = await lockPaidLines(tx, orderId)
  const refused: PaidLine[] = []
  for (const line of lines) {
    if (line.tier === 'EXCLUSIVE') {
      if (line.exclusiveItemId === null && (await markBeatSoldExclusively(tx, line.beatId, line.id))) await afterSale(tx, line, orderId)
      else if (line.exclusiveItemId !== line.id) refused.push(line)
    } else if (line.exclusiveItemId !== null) refused.push(line)
  }
  await releaseExclusiveHolds(tx, orderId)
  if (refused.length) await refuseExclusiveLines(tx, orderId, paymentIntentId, refused, lines.length)
}

async function afterSale(tx: Tx, line: PaidLine, orderId: string) {
  for (const open of await findOpenCheckoutsWithBeat(tx, line.beatId, orderId)) {
    await markExpired(tx, open.id)
    await releaseExclusiveHolds(tx, open.id)
    const sessionId = open.stripeCheckoutSessionId
    if (sessionId && !isTestSessionId(sessionId) && getStripe())
      await expireCheckoutSessionJob.sendIn(tx, { sessionId }, { singletonKey: `expire-${sessionId}` })
  }
  const producer = await findProducerContact(tx, line.producerId)
  for (const email of await findLeaseHolderEmails(tx, line.beatId, orderId)) {
    const body = soldExclusivelyEmail({ beatTitle: line.beatTitle, producerName: producer?.displayName ?? 'The producer', orderLink: orderPageLink(email) })
    await queueEmail(tx, { dedupeKey: `sold-exclusively:${line.beatId}:${line.id}:${email}`, kind: 'sold-exclusively', to: email, ...body })
  }
}

async function refuseExclusiveLines(tx: Tx, orderId: string, paymentIntentId: string | null, refused: PaidLine[], activeCount: number) {
  const titles = refused.map((l) => `“${l.beatTitle}”`).join(', ')
  await refuseLines(tx, orderId, paymentIntentId, refused, activeCount, `Paid after ${titles} was sold exclusively; refunded automatically.`)
  const order = await findOrderForMail(orderId, tx)
  for (const line of refused) {
    if (line.tier !== 'EXCLUSIVE') continue
    const producer = await findProducerContact(tx, line.producerId)
    const winner = line.exclusiveItemId ? await findOrderItemStanding(line.exclusiveItemId, tx) : null
    if (!producer || !order) continue
    const body = duplicateExclusiveEmail({ beatTitle: line.beatTitle, orderNumber: order.number, soldToOrder: winner?.order.number ?? null })
    await queueEmail(tx, { dedupeKey: `duplicate-exclusive:${line.id}`, kind: 'duplicate-exclusive', to: producer.email, ...body })
  }
}

import type { Tx } from '~/models/db.server'
import { findSplitsOfBeats } from '~/models/payouts/beat-split.server'
import { findOrderLinesForPayouts, insertPlannedTransfers, type PlannedTransfer } from '~/models/payouts/payout-transfer.server'
import type { TierId } from '~/lib/tiers'
import { platformFee } from './fee.server'
import { queueSaleNotices } from './notices.server'
import { beatParts, splitLine } from './split'
import { nudgePayouts } from './transfer-job.server'

// Called by the paid completion, in its transaction: the order's ledger rows (one per line and
// payee, amounts from splitLine), the sale emails, and the transfer job all commit with the order
// moving to PAID, or none of them does. Nothing here waits on Stripe: delivery never waits for
// payouts.

/** The ledger key of a payee: their producer id, or the invited address. */
function payeeKeyOf(payee: { producerId: string | null; email: string }): string {
  return payee.producerId ?? `email:${payee.email}`
}

export async function planOrderPayouts(tx: Tx, orderId: string): Promise<void> {
  const order = await findOrderLinesForPayouts(tx, orderId)
  if (!order?.items.length) return
  const splits = await findSplitsOfBeats(tx, [...new Set(order.items.map((i) => i.beatId))])
  const fee = platformFee()
  const rows: PlannedTransfer[] = []
  for (const item of order.items) {
    const owner = item.beat.producer
    const ownerKey = payeeKeyOf({ producerId: owner.id, email: owner.email })
    const collaborators = splits
      .filter((s) => s.beatId === item.beatId)
      .map((s) => ({ payee: payeeKeyOf({ producerId: s.payeeProducerId, email: s.payeeEmail }), percent: s.percent, email: s.payeeEmail, producerId: s.payeeProducerId }))
    const line = splitLine(item.priceCents, fee, beatParts(ownerKey, collaborators))
    for (const part of line.payees) {
      if (part.percent === 0) continue
      const collaborator = collaborators.find((c) => c.payee === part.payee)
      rows.push({
        orderId,
        orderItemId: item.id,
        payeeKey: part.payee,
        payeeProducerId: collaborator ? collaborator.producerId : owner.id,
        payeeEmail: collaborator ? collaborator.email : owner.email,
        role: collaborator ? 'collaborator' : 'owner',
        percent: part.percent,
        lineFeeCents: line.platformFeeCents,
        lineShareCents: line.shareCents,
        amountCents: part.amountCents,
        currency: order.currency,
      })
    }
  }
  // A second call for the same order (it cannot move to PAID twice, but be safe) plans nothing new.
  if (!(await insertPlannedTransfers(tx, rows))) return
  const lines = new Map(order.items.map((i) => [i.id, { beatTitle: i.beatTitle, tier: i.tier as TierId, paidCents: i.priceCents }]))
  await queueSaleNotices(tx, { orderId, number: order.number, currency: order.currency }, rows, lines)
  await nudgePayouts(tx, { orderId })
}

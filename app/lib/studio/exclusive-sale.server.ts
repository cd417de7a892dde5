import { prisma } from '~/models/db.server'
import { ConflictError } from '~/lib/errors'
import { clearExclusiveSale, findExclusiveSale, findLiveHold, findOrderItemStanding } from '~/models/exclusive.server'
import { getBeatState } from '~/models/studio-beat.server'

// The beat editor's view of an Exclusive: sold (to which order, and whether the buyer still holds
// it) or held by an open checkout; and relisting by hand once the Exclusive sale was refunded.

export type ExclusiveStatus =
  | { kind: 'sold'; soldAt: Date; orderNumber: number | null; relistable: boolean }
  | { kind: 'held'; until: Date }
  | { kind: 'none' }

export async function exclusiveStatus(beatId: string, now = new Date()): Promise<ExclusiveStatus> {
  const sale = await findExclusiveSale(beatId)
  if (sale?.exclusiveSoldAt) {
    const item = sale.exclusiveItemId ? await findOrderItemStanding(sale.exclusiveItemId) : null
    return { kind: 'sold', soldAt: sale.exclusiveSoldAt, orderNumber: item?.order.number ?? null, relistable: isRefunded(item) }
  }
  const until = await findLiveHold(beatId, now)
  return until ? { kind: 'held', until } : { kind: 'none' }
}

function isRefunded(item: Awaited<ReturnType<typeof findOrderItemStanding>>): boolean {
  return !item || item.status === 'REFUNDED' || item.order.status === 'REFUNDED'
}

/**
 * Puts a beat sold exclusively back on sale for its leases, once the Exclusive was refunded. Its
 * Exclusive stays switched off until the producer offers it again. An open dispute is not enough:
 * if the store wins it, the buyer keeps the Exclusive.
 */
export async function relistBeat(producerId: string, beatId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const beat = await getBeatState(producerId, beatId, tx)
    const sale = await findExclusiveSale(beat.id, tx)
    if (!sale?.exclusiveSoldAt) return
    const item = sale.exclusiveItemId ? await findOrderItemStanding(sale.exclusiveItemId, tx) : null
    if (!isRefunded(item))
      throw new ConflictError(
        item?.order.status === 'DISPUTED'
          ? 'The Exclusive sale is under a payment dispute; the buyer keeps the beat unless the payment is refunded.'
          : 'The Exclusive buyer still holds this beat. It can be relisted only after their order is refunded.',
      )
    await clearExclusiveSale(tx, beat.id)
  })
}

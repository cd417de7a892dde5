import type { Tx } from '~/models/db.server'
import { lockLinkAndCountPurchases } from '~/models/private-link.server'
import type { LineProblem, PricedLine } from '~/lib/orders/pricing.server'
import { linkGoneMessage, linkState } from './link-state'

/**
 * Inside the checkout transaction, for each private link the cart uses: lock it and check it is still
 * open counting every paid order and open checkout through it. Racing checkouts queue on the lock,
 * so a cap of N lets exactly N through; the new order, written in the same transaction, then holds
 * its use until it expires.
 */
export async function checkPrivateLinkCaps(tx: Tx, priced: (PricedLine & { index: number })[], now: Date): Promise<LineProblem[]> {
  const problems: LineProblem[] = []
  const linkIds = [...new Set(priced.flatMap((p) => (p.privateLinkId ? [p.privateLinkId] : [])))].sort()
  for (const linkId of linkIds) {
    const found = await lockLinkAndCountPurchases(tx, linkId, now)
    const state = found ? linkState(found.link, found.purchases, now) : 'revoked'
    if (state === 'open') continue
    for (const line of priced.filter((p) => p.privateLinkId === linkId))
      problems.push({ index: line.index, beatId: line.beatId, tier: line.tier, beatTitle: line.beatTitle, message: linkGoneMessage(state) })
  }
  return problems
}

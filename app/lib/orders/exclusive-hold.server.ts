import type { Tx } from '~/models/db.server'
import { takeExclusiveHold } from '~/models/exclusive.server'
import type { LineProblem } from './pricing.server'

// Starting a checkout with an Exclusive line reserves that Exclusive until the checkout expires
// (the shortest lifetime Stripe allows). A second buyer is refused before paying, told when the
// hold runs out. Holds are taken in beat order so two carts with the same two Exclusives cannot
// deadlock.

function holdRefusalMessage(beatTitle: string, until: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
  const time = until.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
  return `Someone is buying the Exclusive for “${beatTitle}” right now. Their checkout holds it until ${time} UTC; if they do not pay, try again then (in about ${minutes} minute${minutes === 1 ? '' : 's'}).`
}

/** Problems for the Exclusive lines another checkout holds; none when this order holds them all. */
export async function holdExclusives(
  tx: Tx,
  orderId: string,
  lines: readonly { index: number; beatId: string; tier: string; beatTitle: string }[],
  expiresAt: Date,
): Promise<LineProblem[]> {
  const problems: LineProblem[] = []
  const exclusive = lines.filter((l) => l.tier === 'EXCLUSIVE').sort((a, b) => a.beatId.localeCompare(b.beatId))
  for (const line of exclusive) {
    const hold = await takeExclusiveHold(tx, line.beatId, orderId, expiresAt)
    if (!hold.held)
      problems.push({ index: line.index, beatId: line.beatId, tier: 'EXCLUSIVE', beatTitle: line.beatTitle, message: holdRefusalMessage(line.beatTitle, hold.until) })
  }
  return problems
}

import type { Tx } from '~/models/db.server'
import { countActiveLines, hasOtherLiveUpgrade, lockUpgradedLines } from '~/models/order/upgrades.server'
import { refuseLines } from './refuse-lines.server'

// A license is upgraded once. Checkout refuses a line that is already upgraded, but two checkouts
// can start before either is paid (two tabs, two devices). Decided in the paid completion's
// transaction, with the upgraded lines locked: the first payment supersedes the old line; a later
// upgrade of the same line is refunded automatically, its order flagged and the buyer told.

export async function settleUpgrades(tx: Tx, orderId: string, paymentIntentId: string | null): Promise<void> {
  const lines = await lockUpgradedLines(tx, orderId)
  const refused = []
  for (const line of lines) if (await hasOtherLiveUpgrade(tx, line.supersedesItemId, line.id)) refused.push(line)
  if (!refused.length) return
  const titles = refused.map((l) => `“${l.beatTitle}”`).join(', ')
  const flag = `Upgrade of ${titles} paid after another payment had already upgraded the same license; refunded automatically.`
  await refuseLines(tx, orderId, paymentIntentId, refused, await countActiveLines(tx, orderId), flag)
}

import type { prisma, Tx } from '~/models/db.server'
import { isHigherTier, LICENSE_TIERS, type TierId } from '~/lib/tiers'
import { findUpgradeSource } from '~/models/order/upgrades.server'
import type { LineProblem } from './pricing.server'
import { verifyUpgradeProof } from './upgrade-proof.server'

// An upgrade line: the buyer holds a license for the beat (proven by the order page's proof) and
// buys a higher tier, credited with what they paid for the line they hold. Checked again at
// checkout from the database: the held line must still be a paid, active, unsuperseded license.

export interface UpgradeRequest {
  itemId: string
  proof: string
}

export interface ResolvedUpgrade {
  supersedesItemId: string
  creditCents: number
  fromTier: TierId
}

async function resolveUpgrade(
  line: { index: number; beatId: string; tier: TierId; upgrade?: UpgradeRequest; beatTitle?: string },
  db?: Tx | typeof prisma,
): Promise<{ upgrade: ResolvedUpgrade } | { problem: LineProblem }> {
  const problem = (message: string) => ({ problem: { index: line.index, beatId: line.beatId, tier: line.tier, beatTitle: line.beatTitle, message } })
  const request = line.upgrade!
  if (!verifyUpgradeProof(request.itemId, request.proof))
    return problem('This upgrade link has expired. Open your order from the link we emailed you and choose Upgrade again.')
  const held = await findUpgradeSource(request.itemId, db)
  if (!held || held.beatId !== line.beatId) return problem('That license is not for this beat. Open your order and choose Upgrade again.')
  if (held.status !== 'ACTIVE' || held.order.status !== 'PAID') return problem('The license you are upgrading is no longer active, so it cannot be upgraded.')
  if (held.upgrades.length) return problem('You already upgraded that license. Open your order to upgrade the newer one.')
  const fromTier = held.tier as TierId
  if (!isHigherTier(fromTier, line.tier))
    return problem(`An upgrade must be to a higher tier than your ${LICENSE_TIERS[fromTier].label} license.`)
  return { upgrade: { supersedesItemId: held.id, creditCents: held.priceCents, fromTier } }
}

/** The upgrade lines of a cart, resolved by cart index; problems for the ones that cannot be. */
export async function resolveUpgrades(
  lines: readonly { upgrade?: UpgradeRequest }[],
  priced: readonly { index: number; beatId: string; tier: TierId; beatTitle: string }[],
  db?: Tx | typeof prisma,
): Promise<{ byIndex: Map<number, ResolvedUpgrade>; problems: LineProblem[] }> {
  const byIndex = new Map<number, ResolvedUpgrade>()
  const problems: LineProblem[] = []
  for (const line of priced) {
    const upgrade = lines[line.index]?.upgrade
    if (!upgrade) continue
    const result = await resolveUpgrade({ ...line, upgrade }, db)
    if ('problem' in result) problems.push(result.problem)
    else byIndex.set(line.index, result.upgrade)
  }
  return { byIndex, problems }
}

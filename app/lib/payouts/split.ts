// The money rules for one paid order line, as one pure function: every amount the ledger shows,
// transfers or reverses for a line comes from here (docs/decisions/0016-payouts.md).
//
//   paid amount (after deals)  →  platform fee  →  producer's share  →  payees by percentage
//
// - Platform fee = round(paid × percent) + fixed per line, never more than the paid amount.
// - The share (paid − fee) is divided among the payees by whole percentages summing to 100.
//   Each payee gets the floor of their exact part; the cents left over go one each to the payees
//   with the largest remainders (ties: the order given), so the parts sum exactly to the share.
// - Stripe's processing fee is not taken from payees: the platform pays it out of its fee.

export interface PlatformFee {
  /** Percent of the paid amount, up to two decimals (10 = 10 %, 2.9 = 2.9 %). */
  percent: number
  /** Added per line, in cents. */
  fixedCents: number
}

export interface SplitPart<K extends string = string> {
  payee: K
  /** Whole percent, 0–100; the parts of one line sum to 100. */
  percent: number
}

export interface LineSplit<K extends string = string> {
  paidCents: number
  platformFeeCents: number
  shareCents: number
  payees: { payee: K; percent: number; amountCents: number }[]
}

export class SplitRuleError extends Error {}

export function splitLine<K extends string>(paidCents: number, fee: PlatformFee, parts: readonly SplitPart<K>[]): LineSplit<K> {
  if (!Number.isSafeInteger(paidCents) || paidCents < 0) throw new SplitRuleError(`A paid amount must be whole cents ≥ 0 (got ${paidCents}).`)
  const basisPoints = Math.round(fee.percent * 100)
  if (basisPoints < 0 || basisPoints > 10_000) throw new SplitRuleError(`The platform fee percent must be 0–100 (got ${fee.percent}).`)
  if (!Number.isSafeInteger(fee.fixedCents) || fee.fixedCents < 0) throw new SplitRuleError('The fixed platform fee must be whole cents ≥ 0.')
  if (!parts.length) throw new SplitRuleError('A line needs at least one payee.')
  if (parts.some((p) => !Number.isInteger(p.percent) || p.percent < 0 || p.percent > 100))
    throw new SplitRuleError('Split percentages must be whole numbers from 0 to 100.')
  if (parts.reduce((s, p) => s + p.percent, 0) !== 100) throw new SplitRuleError('Split percentages must sum to 100.')
  if (new Set(parts.map((p) => p.payee)).size !== parts.length) throw new SplitRuleError('A payee appears twice in one split.')

  // Half-up rounding in integers (no floating point on money).
  const percentFee = Math.floor((paidCents * basisPoints + 5_000) / 10_000)
  const platformFeeCents = Math.min(paidCents, percentFee + fee.fixedCents)
  const shareCents = paidCents - platformFeeCents

  const exact = parts.map((p, index) => ({ ...p, index, floor: Math.floor((shareCents * p.percent) / 100), rest: (shareCents * p.percent) % 100 }))
  let leftover = shareCents - exact.reduce((s, p) => s + p.floor, 0)
  const byRemainder = [...exact].sort((a, b) => b.rest - a.rest || a.index - b.index)
  const extra = new Map<number, number>()
  for (const p of byRemainder) {
    if (leftover === 0) break
    if (p.rest === 0) continue
    extra.set(p.index, 1)
    leftover--
  }
  return {
    paidCents,
    platformFeeCents,
    shareCents,
    payees: exact.map((p) => ({ payee: p.payee, percent: p.percent, amountCents: p.floor + (extra.get(p.index) ?? 0) })),
  }
}

/**
 * The parts for a beat: each collaborator's percent, the owner the rest (the owner's part may be 0
 * when collaborators hold everything). Collaborators summing over 100 is refused.
 */
export function beatParts<K extends string>(owner: K, collaborators: readonly SplitPart<K>[]): SplitPart<K>[] {
  const rest = collaborators.filter((c) => c.payee !== owner)
  const given = rest.reduce((s, c) => s + c.percent, 0)
  if (given > 100) throw new SplitRuleError('Collaborator splits on a beat may not exceed 100 %.')
  return [{ payee: owner, percent: 100 - given }, ...rest]
}

import { formatPrice } from '~/lib/money'
import { ConflictError, InvalidInputError, NotFoundError } from '~/lib/errors'
import { codeAmountText, dealTitle } from '~/lib/pricing/rules'
import { toDeal } from '~/lib/orders/discounts.server'
import { createCoupon, endCoupon, isCodeTaken, listCoupons } from '~/models/coupon.server'
import { createDeal, endDeal, findBeatChoices, findProducerDeals } from '~/models/deal.server'
import type { CodeForm, DealForm } from './forms'

// Creating, listing and ending deals and codes: a producer's own (studio), or the store-wide codes
// (producerId null, the operator's CLI).

type Status = 'scheduled' | 'live' | 'ended'

function statusAt(startsAt: Date, endsAt: Date | null, now: Date): Status {
  if (endsAt && endsAt <= now) return 'ended'
  return startsAt > now ? 'scheduled' : 'live'
}

export async function createProducerDeal(producerId: string, form: DealForm) {
  return createDeal({ producerId, ...form })
}

export async function endProducerDeal(producerId: string, dealId: string, now = new Date()) {
  if (!(await endDeal(producerId, dealId, now))) throw new NotFoundError('That deal is not yours, or it has already ended.')
}

export async function createCode(producerId: string | null, form: CodeForm) {
  if (await isCodeTaken(form.code)) throw new ConflictError(`The code ${form.code} is already taken. Choose another.`)
  if (producerId && form.beatIds.length) {
    const mine = new Set((await findBeatChoices(producerId)).map((b) => b.id))
    if (form.beatIds.some((id) => !mine.has(id))) throw new InvalidInputError('A code can only name your own beats.')
  }
  return createCoupon({ producerId, ...form })
}

export async function endCode(producerId: string | null, couponId: string, now = new Date()) {
  if (!(await endCoupon(producerId, couponId, now))) throw new NotFoundError('That code is not yours, or it has already ended.')
}

/** Codes of a producer (or the store-wide ones), with what a list shows. */
export async function describeCodes(producerId: string | null, now = new Date(), currency = 'usd') {
  return (await listCoupons(producerId)).map((c) => ({
    id: c.id,
    code: c.code,
    amount: codeAmountText(c, currency),
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt?.toISOString() ?? null,
    status: statusAt(c.startsAt, c.endsAt, now),
    uses: c.uses,
    maxUses: c.maxUses,
    rules: [
      c.stacksWithDeals ? 'combines with bulk deals' : 'not on lines with a bulk deal',
      c.oncePerEmail ? 'one per buyer' : null,
      c.minLines ? `at least ${c.minLines} lines` : null,
      c.minSubtotalCents ? `at least ${formatPrice(c.minSubtotalCents, currency)} spent` : null,
      c.tiers.length ? `${c.tiers.join(', ').toLowerCase()} only` : null,
      c.beatIds.length ? `${c.beatIds.length} beat${c.beatIds.length === 1 ? '' : 's'} only` : null,
      c.includeExclusive ? 'Exclusive included' : null,
    ].filter((r): r is string => r !== null),
  }))
}

/** The studio's deals page. */
export async function studioDiscounts(producerId: string, now = new Date(), currency = 'usd') {
  const [deals, codes, beats] = await Promise.all([findProducerDeals(producerId), describeCodes(producerId, now, currency), findBeatChoices(producerId)])
  return {
    deals: deals.map((d) => ({
      id: d.id,
      title: dealTitle(toDeal(d), currency),
      startsAt: d.startsAt.toISOString(),
      endsAt: d.endsAt?.toISOString() ?? null,
      status: statusAt(d.startsAt, d.endsAt, now),
      includeExclusive: d.includeExclusive,
    })),
    codes,
    beats,
  }
}

import type { PriceOptions, PricedOrder } from '~/lib/pricing/price-order'
import { getEnv } from '~/lib/env.server'
import type { Tx } from '~/models/db.server'
import { holdCouponUse, type CouponRow } from '~/models/coupon.server'
import { CodeRefused, loadDiscounts, toCode } from './discounts.server'

// Checkout's part of deals and codes: the same options the cart priced with, read again inside the
// checkout transaction, and the code's use held in it (so the use exists iff the order does).

export async function pricingOptions(lines: { producerId: string }[], code: string | null, email: string | null, tx: Tx, now = new Date()) {
  const { deals, coupon } = await loadDiscounts(lines.map((l) => l.producerId), code, now, tx)
  if (coupon?.oncePerEmail && !email) throw new CodeRefused(`The code ${coupon.code} is one per buyer: enter your email to use it.`)
  const options: PriceOptions = { deals, code: coupon ? toCode(coupon) : null, currency: getEnv().CURRENCY }
  return { options, coupon }
}

/** Refuses a code the lines rule out, and holds one use of a code that applied. */
export async function holdCode(tx: Tx, coupon: CouponRow | null, outcome: PricedOrder['code'], orderId: string, email: string | null) {
  if (!coupon || !outcome) return
  if (!outcome.applied) throw new CodeRefused(outcome.message)
  const held = await holdCouponUse(tx, {
    couponId: coupon.id,
    orderId,
    email: email?.trim().toLowerCase() ?? null,
    maxUses: coupon.maxUses,
    oncePerEmail: coupon.oncePerEmail,
  })
  if (held === 'used-up') throw new CodeRefused(`The code ${coupon.code} has just been used up.`)
  if (held === 'used-by-email') throw new CodeRefused(`The code ${coupon.code} is one per buyer, and this email has already used it.`)
}

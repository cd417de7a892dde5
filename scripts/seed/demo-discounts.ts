import { createCoupon, findCouponByCode } from '~/models/coupon.server'
import { createDeal, findProducerDeals } from '~/models/deal.server'

// The demo's discounts, named in the README: Mara Sol runs "buy 2 Basic, get 1 free", and the
// store-wide code BEATSTALL10 takes 10% off (not on lines that already got a deal).

const DEMO_CODE = 'BEATSTALL10'

export async function seedDemoDiscounts(maraId: string) {
  const since = new Date(Date.now() - 24 * 3600_000)
  if (!(await findProducerDeals(maraId)).length)
    await createDeal({ producerId: maraId, kind: 'BUY_GET', tier: 'BASIC', buyQuantity: 2, freeQuantity: 1, startsAt: since, endsAt: null })
  if (!(await findCouponByCode(DEMO_CODE)))
    await createCoupon({
      code: DEMO_CODE, producerId: null, percentOff: 10, amountOffCents: null, startsAt: since, endsAt: null, maxUses: null,
      oncePerEmail: false, minLines: null, minSubtotalCents: null, tiers: [], beatIds: [], stacksWithDeals: false, includeExclusive: false,
    })
}

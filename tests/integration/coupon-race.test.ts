import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { createCoupon } from '~/models/coupon.server'
import { findTestCheckoutOrder, payTestCheckout } from '~/lib/payments/test-checkout.server'
import { expireAbandonedCheckouts } from '~/lib/orders/checkout-expiry.server'
import { action, type CheckoutAnswer } from '~/routes/checkout'
import { makeBeat, makeProducer } from '../factories'
import { callRoute } from '../utils/route'

// A code's uses are held when a checkout starts, under a lock on the code's row: however many
// buyers race for its last use, one order gets it. Built-in test checkout (no Stripe keys).

function checkout(lines: unknown, code: string) {
  const request = new Request('http://store.test/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://store.test' },
    body: new URLSearchParams({ lines: JSON.stringify(lines), code }),
  })
  return callRoute(action, request)
}

async function codeWithOneUseLeft(code: string) {
  const coupon = await createCoupon({
    code, producerId: null, percentOff: 20, amountOffCents: null, startsAt: new Date(Date.now() - 60_000), endsAt: null,
    maxUses: 3, oncePerEmail: false, minLines: null, minSubtotalCents: null, tiers: [], beatIds: [], stacksWithDeals: false, includeExclusive: false,
  })
  const beat = await makeBeat({ withFiles: false })
  // Two uses already taken: one paid, one in an open checkout.
  for (let i = 0; i < 2; i++) expect((await checkout([{ beatId: beat.id, tier: 'BASIC' }], code)).status).toBe(302)
  const first = await prisma.couponHold.findFirstOrThrow({ where: { couponId: coupon.id }, select: { order: { select: { stripeCheckoutSessionId: true } } } })
  await payTestCheckout((await findTestCheckoutOrder(first.order.stripeCheckoutSessionId!))!, { email: 'early@example.test', name: 'Early' })
  return coupon
}

describe('the last use of a code', () => {
  it('50 buyers race for it through the checkout action: exactly one order gets it, and pays', async () => {
    const coupon = await codeWithOneUseLeft('LASTONE')
    const producer = await makeProducer()
    const beats = await Promise.all(Array.from({ length: 5 }, () => makeBeat({ producerId: producer.id, withFiles: false })))
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => checkout([{ beatId: beats[i % 5]!.id, tier: 'BASIC' }], 'lastone')),
    )
    const won = answers.filter((a) => a.status === 302)
    const lost = answers.filter((a) => a.status !== 302)
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(49)
    for (const a of lost) {
      expect(a.status).toBe(422)
      expect((a.data as CheckoutAnswer).errors.fieldErrors.code?.[0]).toMatch(/LASTONE has (just )?been used up/)
    }
    // No order was left behind by a refused checkout.
    expect(await prisma.multiItemOrder.count({ where: { items: { some: { beatId: { in: beats.map((b) => b.id) } } } } })).toBe(1)

    const sessionId = won[0]!.location!.split('/').at(-1)!
    await payTestCheckout((await findTestCheckoutOrder(sessionId))!, { email: 'winner@example.test', name: 'Winner' })
    const paid = await prisma.multiItemOrder.findMany({
      where: { status: 'PAID', couponHold: { couponId: coupon.id } },
      select: { stripeCheckoutSessionId: true, totalCents: true, items: { select: { listPriceCents: true, priceCents: true, adjustments: true } } },
    })
    expect(paid).toHaveLength(2)
    const winner = paid.find((o) => o.stripeCheckoutSessionId === sessionId)
    expect(winner?.totalCents).toBe(2_000)
    expect(winner?.items[0]).toMatchObject({ listPriceCents: 2_500, priceCents: 2_000, adjustments: [{ kind: 'code', label: 'Code LASTONE', cents: 500 }] })
    const holds = await prisma.couponHold.count({ where: { couponId: coupon.id, order: { status: { in: ['PENDING', 'PAID'] } } } })
    expect(holds).toBe(3)
  })

  it('an expired checkout gives its use back', async () => {
    await codeWithOneUseLeft('COMEBACK')
    const beat = await makeBeat({ withFiles: false })
    const taken = await checkout([{ beatId: beat.id, tier: 'BASIC' }], 'COMEBACK')
    expect(taken.status).toBe(302)
    expect((await checkout([{ beatId: beat.id, tier: 'BASIC' }], 'COMEBACK')).status).toBe(422)
    // The sweep expires every open checkout (the clock is moved two days on).
    expect(await expireAbandonedCheckouts(new Date(Date.now() + 2 * 24 * 3600_000))).toBeGreaterThan(0)
    expect((await checkout([{ beatId: beat.id, tier: 'BASIC' }], 'COMEBACK')).status).toBe(302)
  })
})

import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import { startCheckout } from '~/lib/orders/checkout.server'
import { expireAbandonedCheckouts, startCheckoutExpirySweep } from '~/lib/orders/checkout-expiry.server'
import { checkoutLifetimeMs } from '~/lib/payments/checkout-session.server'
import { findTestCheckoutOrder, payTestCheckout } from '~/lib/payments/test-checkout.server'
import { insertPendingOrder } from '~/models/order/order.server'
import { action as testCheckoutAction, loader as testCheckoutLoader } from '~/routes/test-checkout.$sessionId'
import { makeBeat } from '../factories'
import { callRoute } from '../utils/route'

// An abandoned checkout (the built-in one has no expiry event) or one that never opened must not
// leave its order PENDING forever: a sweep expires it after the checkout's lifetime. The clock is
// injected, so the test moves time instead of waiting.

const GRACE_MS = 5 * 60_000

async function status(orderId: string) {
  return (await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status
}

async function abandoned() {
  const beat = await makeBeat({ withFiles: false })
  const { orderId, sessionId } = await startCheckout([{ beatId: beat.id, tier: 'BASIC' }])
  const order = (await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: orderId }, select: { checkoutExpiresAt: true } }))
  return { orderId, sessionId, expiresAt: order.checkoutExpiresAt! }
}

describe('expiring abandoned checkouts', () => {
  it('expires a PENDING order once its checkout ended (plus grace), not before', async () => {
    const { orderId, expiresAt } = await abandoned()
    expect(await expireAbandonedCheckouts(new Date(expiresAt.getTime() + GRACE_MS - 1000))).toBe(0)
    expect(await status(orderId)).toBe('PENDING')
    expect(await expireAbandonedCheckouts(new Date(expiresAt.getTime() + GRACE_MS + 1000))).toBeGreaterThanOrEqual(1)
    expect(await status(orderId)).toBe('EXPIRED')
  })

  it('expires an order that never got a checkout after the lifetime it would have had', async () => {
    const beat = await makeBeat({ withFiles: false })
    const order = await prisma.$transaction((tx) =>
      insertPendingOrder(tx, {
        currency: 'usd',
        email: null,
        items: [{ beatId: beat.id, producerId: beat.producerId, tier: 'BASIC', priceCents: 2_500, listPriceCents: 2_500, adjustments: [], beatTitle: 'T', producerName: 'P', termsSnapshot: { tier: 'BASIC', label: 'Basic', files: ['MP3'], terms: {} } as never }],
      }),
    )
    const lifetime = checkoutLifetimeMs(getEnv().CHECKOUT_EXPIRES_MINUTES)
    await expireAbandonedCheckouts(new Date(order.createdAt.getTime() + lifetime + GRACE_MS - 1000))
    expect(await status(order.id)).toBe('PENDING')
    await expireAbandonedCheckouts(new Date(order.createdAt.getTime() + lifetime + GRACE_MS + 1000))
    expect(await status(order.id)).toBe('EXPIRED')
  })

  it('never touches a paid order', async () => {
    const { orderId, sessionId, expiresAt } = await abandoned()
    await payTestCheckout((await findTestCheckoutOrder(sessionId))!, { email: 'paid@example.test', name: 'P' })
    await expireAbandonedCheckouts(new Date(expiresAt.getTime() + 24 * 3600_000))
    expect(await status(orderId)).toBe('PAID')
  })

  it('the background sweep runs at start with its clock, and stops cleanly', async () => {
    const { orderId, expiresAt } = await abandoned()
    const stop = startCheckoutExpirySweep({ intervalMs: 60_000, clock: () => new Date(expiresAt.getTime() + GRACE_MS + 1000) })
    await stop()
    expect(await status(orderId)).toBe('EXPIRED')
  })

  it('an expired stand-in checkout cannot be paid any more', async () => {
    const { orderId, sessionId, expiresAt } = await abandoned()
    await expireAbandonedCheckouts(new Date(expiresAt.getTime() + GRACE_MS + 1000))
    const pay = await callRoute(
      testCheckoutAction,
      new Request(`http://store.test/test-checkout/${sessionId}`, { method: 'POST', body: new URLSearchParams({ intent: 'pay', email: 'late@example.test', name: 'Late' }) }),
      { sessionId },
    )
    expect(pay.status).toBe(302)
    expect(pay.location).toBe(`/checkout/success?session_id=${sessionId}`)
    expect(await status(orderId)).toBe('EXPIRED')
  })

  it('a stand-in past its expiry but not yet swept answers 410 and takes no payment', async () => {
    const { orderId, sessionId } = await abandoned()
    await prisma.multiItemOrder.update({ where: { id: orderId }, data: { checkoutExpiresAt: new Date(Date.now() - 1000) } })
    const page = await callRoute(testCheckoutLoader, new Request(`http://store.test/test-checkout/${sessionId}`), { sessionId })
    expect(page.status).toBe(410)
    const pay = await callRoute(
      testCheckoutAction,
      new Request(`http://store.test/test-checkout/${sessionId}`, { method: 'POST', body: new URLSearchParams({ intent: 'pay', email: 'late@example.test', name: 'Late' }) }),
      { sessionId },
    )
    expect(pay.status).toBe(410)
    expect(await status(orderId)).toBe('PENDING')
  })
})

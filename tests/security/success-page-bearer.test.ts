import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { successPageView, SUCCESS_ACCESS_WINDOW_MS } from '~/lib/downloads/success-downloads.server'
import { startCheckout } from '~/lib/orders/checkout.server'
import { orderForSuccessPage } from '~/lib/orders/success.server'
import { findTestCheckoutOrder, payTestCheckout } from '~/lib/payments/test-checkout.server'
import { findOrderById } from '~/models/order/order.server'
import { loader as successLoader } from '~/routes/checkout_.success'
import { loader as testCheckoutLoader } from '~/routes/test-checkout.$sessionId'
import { makeBeat } from '../factories'
import { makePaidOrder } from '../factories-orders'
import { callRoute } from '../utils/route'

// The success page's session id is a bearer credential: it sets the order-access cookie and shows
// the buyer's email and files. The stand-in's ids must be unguessable (not derived from the order
// id, which other URLs show), and the grant must not outlive the hour after payment.

const visit = (sessionId: string) => callRoute(successLoader, new Request(`http://store.test/checkout/success?session_id=${encodeURIComponent(sessionId)}`))

async function paidTestCheckout(email: string) {
  const beat = await makeBeat({ withFiles: false })
  const { sessionId, orderId } = await startCheckout([{ beatId: beat.id, tier: 'BASIC' }])
  await payTestCheckout((await findTestCheckoutOrder(sessionId))!, { email, name: 'Grace Buyer' })
  return { sessionId, orderId }
}

describe('stand-in checkout session ids', () => {
  it('are random, stored on the order, and say nothing about the order id', async () => {
    const beat = await makeBeat({ withFiles: false })
    const a = await startCheckout([{ beatId: beat.id, tier: 'BASIC' }])
    const b = await startCheckout([{ beatId: beat.id, tier: 'BASIC' }])
    for (const { sessionId, orderId } of [a, b]) {
      expect(sessionId).toMatch(/^cs_test_local_[A-Za-z0-9]{58}$/)
      expect(sessionId.toLowerCase()).not.toContain(orderId.replace(/-/g, '').slice(0, 8))
      expect((await findOrderById(orderId))!.stripeCheckoutSessionId).toBe(sessionId)
    }
    expect(a.sessionId).not.toBe(b.sessionId)
  })

  it('an id guessed the old way (prefix + order id) opens nothing', async () => {
    const { orderId } = await paidTestCheckout('guessed@example.test')
    const guessed = `cs_test_local_${orderId.replace(/-/g, '')}`
    expect(await findTestCheckoutOrder(guessed)).toBeNull()
    expect(await orderForSuccessPage(guessed)).toBeNull()
    const page = await visit(guessed)
    expect(page.status).toBe(404)
    expect(page.headers.get('Set-Cookie')).toBeNull()
    expect(JSON.stringify(page.data)).not.toContain('guessed@example.test')
    expect((await callRoute(testCheckoutLoader, new Request(`http://store.test/test-checkout/${guessed}`), { sessionId: guessed })).status).toBe(404)
  })
})

describe('the success page grant', () => {
  it('within the hour after payment: the order, its buyer, files and the access cookie', async () => {
    const { sessionId } = await paidTestCheckout('fresh@example.test')
    const page = await visit(sessionId)
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({ state: 'granted', order: { status: 'PAID', email: 'fresh@example.test' } })
    expect(page.headers.get('Set-Cookie')).toMatch(/^bs_order_access=[^;]+;.*HttpOnly/i)
    expect(page.headers.get('Cache-Control')).toBe('no-store')
  })

  it('after the hour: no cookie, no email, no name, no files; it points at /orders', async () => {
    const { sessionId, orderId } = await paidTestCheckout('later@example.test')
    await prisma.multiItemOrder.update({ where: { id: orderId }, data: { paidAt: new Date(Date.now() - SUCCESS_ACCESS_WINDOW_MS - 60_000) } })
    const page = await visit(sessionId)
    expect(page.status).toBe(200)
    expect(page.headers.get('Set-Cookie')).toBeNull()
    expect(page.data).toEqual({ state: 'closed', number: expect.any(Number) })
    expect(JSON.stringify(page.data)).not.toMatch(/later@example\.test|Grace/)
  })

  it('the same rule for a real Stripe session, judged by the injected clock', async () => {
    const order = await makePaidOrder({ email: 'stripe@example.test', lines: [{ tier: 'BASIC' }] })
    const row = (await findOrderById(order.id))!
    const request = new Request('http://store.test/checkout/success?session_id=cs_test_a1')
    const paidAt = row.paidAt!.getTime()
    const fresh = await successPageView(request, row, new Date(paidAt + SUCCESS_ACCESS_WINDOW_MS - 1000))
    expect(fresh).toMatchObject({ state: 'granted', order: { email: 'stripe@example.test' } })
    expect(fresh.state === 'granted' ? fresh.setCookie : null).toMatch(/^bs_order_access=[^;]+;/)
    expect(await successPageView(request, row, new Date(paidAt + SUCCESS_ACCESS_WINDOW_MS + 1000))).toEqual({ state: 'closed', number: row.number })
  })

  it('an unpaid order shows its lines but not who is buying', async () => {
    const beat = await makeBeat({ withFiles: false })
    const { orderId } = await startCheckout([{ beatId: beat.id, tier: 'BASIC' }], 'pending@example.test')
    const view = await successPageView(new Request('http://store.test/checkout/success'), (await findOrderById(orderId))!)
    expect(view).toMatchObject({ state: 'unpaid', order: { status: 'PENDING', email: null, buyerName: null } })
  })
})

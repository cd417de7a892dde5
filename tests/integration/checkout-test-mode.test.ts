import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { startCheckout } from '~/lib/orders/checkout.server'
import { priceCartLines } from '~/lib/orders/cart-view.server'
import { orderForSuccessPage } from '~/lib/orders/success.server'
import { deliverToOwnWebhook, findTestCheckoutOrder, payTestCheckout } from '~/lib/payments/test-checkout.server'
import { action as testCheckoutAction } from '~/routes/test-checkout.$sessionId'
import type { FormErrors } from '~/lib/form'
import { makeBeat } from '../factories'
import { callRoute } from '../utils/route'

// No STRIPE_SECRET_KEY: the built-in test checkout pays through the store's own webhook handler.

describe('built-in test checkout', () => {
  it('opens a stand-in session, and "Pay" hands a signed completion to the webhook handler (one fulfilment path)', async () => {
    const beats = await Promise.all([makeBeat({ withFiles: false }), makeBeat({ withFiles: false })])
    const { url, sessionId, orderId } = await startCheckout([
      { beatId: beats[0]!.id, tier: 'BASIC' },
      { beatId: beats[1]!.id, tier: 'UNLIMITED' },
    ])
    expect(sessionId).toMatch(/^cs_test_local_[A-Za-z0-9]{58}$/)
    expect(url).toBe(`/test-checkout/${sessionId}`)
    const order = (await findTestCheckoutOrder(sessionId))!
    const delivered: { rawBody: string; signature: string }[] = []
    const next = await payTestCheckout(order, { email: 'Tess@Example.test', name: 'Tess Tester' }, async (rawBody, signature) => {
      delivered.push({ rawBody, signature })
      await deliverToOwnWebhook(rawBody, signature)
    })
    expect(delivered).toHaveLength(1)
    expect(delivered[0]!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    expect(next).toBe(`/checkout/success?session_id=${sessionId}`)
    const paid = await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, email: true, buyerName: true, stripePaymentIntentId: true } })
    expect(paid).toMatchObject({ status: 'PAID', email: 'tess@example.test', buyerName: 'Tess Tester' })
    expect(paid.stripePaymentIntentId).toMatch(/^pi_test_local_/)
    expect(await prisma.stripeEvent.count({ where: { type: 'checkout.session.completed' } })).toBe(1)
  })

  it('the in-process delivery verifies the signature like the webhook route does', async () => {
    await expect(deliverToOwnWebhook('{"id":"evt_x"}', 't=1,v1=00')).rejects.toThrow(/signature/)
  })

  it('when the self-delivery fails, the success page fulfils from the stand-in session', async () => {
    const beat = await makeBeat({ withFiles: false })
    const { sessionId } = await startCheckout([{ beatId: beat.id, tier: 'TRACKOUT' }])
    const order = (await findTestCheckoutOrder(sessionId))!
    await payTestCheckout(order, { email: 'a@example.test', name: 'A' }, async () => {
      throw new Error('database unavailable')
    })
    expect((await orderForSuccessPage(sessionId))!.status).toBe('PAID')
  })

  it('"Cancel" returns to the cart and leaves the order pending; bad input is a 400', async () => {
    const beat = await makeBeat({ withFiles: false })
    const { sessionId, orderId } = await startCheckout([{ beatId: beat.id, tier: 'BASIC' }])
    const call = (form: Record<string, string>) =>
      callRoute(
        testCheckoutAction,
        new Request(`http://store.test/test-checkout/${sessionId}`, { method: 'POST', body: new URLSearchParams(form) }),
        { sessionId },
      )
    const cancel = await call({ intent: 'cancel' })
    expect(cancel.status).toBe(302)
    expect(cancel.location).toBe('/cart')
    const bad = await call({ intent: 'pay', email: 'nope', name: '' })
    expect(bad.status).toBe(400)
    expect((bad.data as { errors: FormErrors }).errors.fieldErrors.email?.[0]).toMatch(/valid email/)
    const unknown = await call({ intent: 'steal' })
    expect(unknown.status).toBe(400)
    expect((await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status).toBe('PENDING')
  })
})

describe('cart pricing', () => {
  it('prices lines from the database and drops unpublished beats and switched-off tiers with a reason', async () => {
    const ok = await makeBeat({ title: 'Keeper', tiers: { TRACKOUT: { priceCents: 9_900, enabled: true } }, withFiles: false })
    const gone = await makeBeat({ title: 'Gone', withFiles: false })
    await prisma.beat.update({ where: { id: gone.id }, data: { status: 'ARCHIVED' } })
    const off = await makeBeat({ title: 'Off', tiers: { BASIC: { priceCents: 2_500, enabled: false } }, withFiles: false })
    const view = await priceCartLines([
      { beatId: ok.id, tier: 'TRACKOUT' },
      { beatId: gone.id, tier: 'BASIC' },
      { beatId: off.id, tier: 'BASIC' },
      { beatId: 'garbage', tier: 'BASIC' },
    ])
    expect(view.lines).toHaveLength(1)
    expect(view.lines[0]).toMatchObject({ beatTitle: 'Keeper', priceCents: 9_900, tierLabel: 'Trackout', includes: ['MP3', 'WAV', 'Stems (zip)'] })
    expect(view.lines[0]!.tierOptions.map((o) => o.tier)).toEqual(['BASIC', 'TRACKOUT', 'UNLIMITED'])
    expect(view.totalCents).toBe(9_900)
    expect(view.dropped.map((d) => d.message)).toEqual([
      'This cart line was not valid and has been removed.',
      '“Gone” is no longer for sale.',
      'The Basic license for “Off” is no longer offered.',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { listOrdersForAccess } from '~/lib/downloads/order-downloads.server'
import { CheckoutRefused, startCheckout } from '~/lib/orders/checkout.server'
import { priceCartLines } from '~/lib/orders/cart-view.server'
import { handleStripeEvent } from '~/lib/orders/stripe-events.server'
import { createUpgradeProof } from '~/lib/orders/upgrade-proof.server'
import { findTestCheckoutOrder, payTestCheckout } from '~/lib/payments/test-checkout.server'
import { findSupersedingLine } from '~/models/order/upgrades.server'
import { action as checkoutAction } from '~/routes/checkout'
import { makeBeat } from '../factories'
import { makePaidOrder } from '../factories-orders'
import { stripeEvent } from '../fakes/stripe-server'
import { callRoute } from '../utils/route'

// Upgrades through the built-in test checkout: credited with what was paid, superseding the old
// line while the upgrade stands, refused when the license is not the buyer's to upgrade.

const EMAIL = 'upgrader@example.test'

async function heldBasic() {
  const beat = await makeBeat({ title: 'Step Up', tiers: { EXCLUSIVE: { priceCents: 150_000, enabled: true } } })
  const order = await makePaidOrder({ email: EMAIL, lines: [{ beatId: beat.id, tier: 'BASIC' }] })
  return { beat, held: order.items[0]! }
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(CheckoutRefused)
  return (error as CheckoutRefused).problems.map((p) => p.message).join(' ')
}

describe('upgrading a license', () => {
  it('Basic → Trackout costs the difference, supersedes the Basic line and gives the new files at once; refunding it restores Basic', async () => {
    const { beat, held } = await heldBasic()
    const upgrade = { itemId: held.id, proof: createUpgradeProof(held.id) }

    // The cart shows the credited price before checkout.
    const cart = await priceCartLines([{ beatId: beat.id, tier: 'TRACKOUT', upgrade }])
    expect(cart.lines[0]).toMatchObject({ priceCents: 10_000, paidCents: 7_500, upgradeNote: 'Upgrade from your Basic license: $25.00 credit' })
    expect(cart.totalCents).toBe(7_500)

    const { orderId, sessionId } = await startCheckout([{ beatId: beat.id, tier: 'TRACKOUT', upgrade }], EMAIL)
    const pending = await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: orderId }, select: { totalCents: true, items: { select: { id: true, supersedesItemId: true, priceCents: true, listPriceCents: true, adjustments: true } } } })
    expect(pending.totalCents).toBe(7_500)
    expect(pending.items[0]).toMatchObject({ supersedesItemId: held.id, priceCents: 7_500, listPriceCents: 10_000, adjustments: [{ kind: 'upgrade-credit', cents: 2_500 }] })

    await payTestCheckout((await findTestCheckoutOrder(sessionId))!, { email: EMAIL, name: 'Up Grader' })
    expect((await findSupersedingLine(held.id))?.id).toBe(pending.items[0]!.id)

    const views = await listOrdersForAccess({ ok: true, email: EMAIL, expiresAt: new Date(Date.now() + 60_000) })
    const oldLine = views.flatMap((o) => o.lines).find((l) => l.id === held.id)!
    const newLine = views.flatMap((o) => o.lines).find((l) => l.id === pending.items[0]!.id)!
    expect(oldLine.supersededBy).toMatchObject({ tierLabel: 'Trackout' })
    expect(oldLine.upgrade).toBeNull()
    expect(newLine.files.filter((f) => f.allowed).map((f) => f.kind)).toEqual(['MP3', 'WAV', 'STEMS'])
    // The new line can itself be upgraded (to Unlimited next).
    expect(newLine.upgrade?.tierLabel).toBe('Unlimited')

    // Upgrading the superseded line again is refused.
    expect(await refusal(startCheckout([{ beatId: beat.id, tier: 'UNLIMITED', upgrade }]))).toMatch(/already upgraded/)

    const paid = await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: orderId }, select: { stripePaymentIntentId: true } })
    await handleStripeEvent(stripeEvent('charge.refunded', { id: 'ch_up', object: 'charge', payment_intent: paid.stripePaymentIntentId, amount: 7_500, amount_refunded: 7_500, refunded: true }) as never)
    expect(await findSupersedingLine(held.id)).toBeNull()
    const after = await listOrdersForAccess({ ok: true, email: EMAIL, expiresAt: new Date(Date.now() + 60_000) })
    expect(after.flatMap((o) => o.lines).find((l) => l.id === held.id)!.supersededBy).toBeNull()
  })

  it('two checkouts upgrading one license and paid at the same moment: one upgrade stands, the other is refunded, flagged and the buyer told', async () => {
    const { beat, held } = await heldBasic()
    const upgrade = () => ({ itemId: held.id, proof: createUpgradeProof(held.id) })
    // Two tabs: neither checkout is paid yet, so both may start.
    const first = await startCheckout([{ beatId: beat.id, tier: 'TRACKOUT', upgrade: upgrade() }], EMAIL)
    const second = await startCheckout([{ beatId: beat.id, tier: 'UNLIMITED', upgrade: upgrade() }], EMAIL)
    await Promise.all(
      [first, second].map(async ({ sessionId }) => payTestCheckout((await findTestCheckoutOrder(sessionId))!, { email: EMAIL, name: 'Up Grader' })),
    )

    const upgrades = await prisma.orderItem.findMany({
      where: { supersedesItemId: held.id },
      select: { id: true, status: true, order: { select: { id: true, status: true, flaggedReason: true } } },
    })
    expect(upgrades.map((l) => l.status).sort()).toEqual(['ACTIVE', 'REFUNDED'])
    const stands = upgrades.find((l) => l.status === 'ACTIVE')!
    const refused = upgrades.find((l) => l.status === 'REFUNDED')!
    expect((await findSupersedingLine(held.id))?.id).toBe(stands.id)
    expect(refused.order).toMatchObject({ status: 'REFUNDED', flaggedReason: expect.stringMatching(/already upgraded the same license; refunded automatically/) })
    expect(stands.order.flaggedReason).toBeNull()
    const notices = await prisma.outboxEmail.count({ where: { to: EMAIL, kind: 'refund', dedupeKey: { startsWith: `refund:${refused.order.id}:` } } })
    expect(notices).toBeGreaterThan(0)
  })

  it('the checkout action accepts an upgrade line from the cart and redirects to the checkout', async () => {
    const { beat, held } = await heldBasic()
    const lines = [{ beatId: beat.id, tier: 'EXCLUSIVE', upgrade: { itemId: held.id, proof: createUpgradeProof(held.id) } }]
    const request = new Request('http://store.test/checkout', { method: 'POST', body: new URLSearchParams({ lines: JSON.stringify(lines) }) })
    const res = await callRoute(checkoutAction, request)
    expect(res.status).toBe(302)
    const order = await prisma.multiItemOrder.findFirstOrThrow({ where: { items: { some: { supersedesItemId: held.id } } }, select: { totalCents: true } })
    expect(order.totalCents).toBe(147_500)
  })

  it('refuses an upgrade without a valid proof, to a lower tier, or of another beat’s license', async () => {
    const { beat, held } = await heldBasic()
    const other = await makeBeat()
    const proof = createUpgradeProof(held.id)
    expect(await refusal(startCheckout([{ beatId: beat.id, tier: 'TRACKOUT', upgrade: { itemId: held.id, proof: createUpgradeProof(crypto.randomUUID()) } }]))).toMatch(/upgrade link has expired/)
    expect(await refusal(startCheckout([{ beatId: beat.id, tier: 'TRACKOUT', upgrade: { itemId: held.id, proof: createUpgradeProof(held.id, new Date(Date.now() - 25 * 3600_000)) } }]))).toMatch(/expired/)
    expect(await refusal(startCheckout([{ beatId: beat.id, tier: 'BASIC', upgrade: { itemId: held.id, proof } }]))).toBe('An upgrade must be to a higher tier than your Basic license.')
    expect(await refusal(startCheckout([{ beatId: other.id, tier: 'TRACKOUT', upgrade: { itemId: held.id, proof } }]))).toMatch(/not for this beat/)
  })
})

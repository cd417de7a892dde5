import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { startCheckout } from '~/lib/orders/checkout.server'
import { priceCartLines } from '~/lib/orders/cart-view.server'
import { createPrivateLink, revokeLink, studioPrivateLinks } from '~/lib/private-links/private-links.server'
import { deliverToOwnWebhook, findTestCheckoutOrder, payTestCheckout } from '~/lib/payments/test-checkout.server'
import { getStorage } from '~/lib/storage/index.server'
import { searchCatalog } from '~/models/beat/catalog.server'
import { loader as linkLoader } from '~/routes/l.$linkId'
import { loader as previewLoader } from '~/routes/media.preview.$beatId'
import { action as checkoutAction } from '~/routes/checkout'
import { makeBeat, makeProducer } from '../factories'
import { callRoute } from '../utils/route'

// Private links on real Postgres: open, expired, revoked and capped (under racing checkouts); the
// link's price honoured in the cart and re-checked at checkout.

const DAY = 24 * 3600_000

async function setup(opts: { cap?: number | null; expiresInMs?: number; prices?: Record<string, number> } = {}) {
  const producer = await makeProducer()
  const draft = await makeBeat({ producerId: producer.id, status: 'DRAFT', title: 'Unreleased Heat' })
  const published = await makeBeat({ producerId: producer.id })
  const link = await createPrivateLink(producer.id, {
    beatIds: [draft.id, published.id],
    expiresAt: new Date(Date.now() + (opts.expiresInMs ?? DAY)),
    note: 'For your EP',
    tierPrices: opts.prices ?? { BASIC: 1_500 },
    purchaseCap: opts.cap ?? null,
  })
  return { producer, draft, published, link }
}

const openLink = (id: string) => callRoute(linkLoader, new Request(`http://store.test/l/${id}`), { linkId: id })

async function pay(sessionId: string) {
  const order = (await findTestCheckoutOrder(sessionId))!
  await payTestCheckout(order, { email: 'artist@example.test', name: 'Artist' }, deliverToOwnWebhook)
}

describe('private links', () => {
  it('an open link shows its beats, unpublished ones included, at the link price, and counts the open', async () => {
    const { link, draft } = await setup()
    const answer = await openLink(link.id)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('Cache-Control')).toBe('private, no-store')
    const page = answer.data as { link: { note: string; beats: { id: string; options: { tier: string; priceCents: number }[] }[] } }
    expect(page.link.note).toBe('For your EP')
    const beat = page.link.beats.find((b) => b.id === draft.id)!
    expect(beat.options.find((o) => o.tier === 'BASIC')!.priceCents).toBe(1_500)
    expect(beat.options.find((o) => o.tier === 'TRACKOUT')!.priceCents).toBe(10_000)
    expect((await prisma.privateLink.findUniqueOrThrow({ where: { id: link.id } })).opens).toBe(1)
  })

  it('the unpublished beat stays out of the catalog, and its preview plays only through the link', async () => {
    const { link, draft } = await setup()
    await getStorage().put(`beats/${draft.id}/preview.mp3`, Buffer.from('ID3 preview bytes'), { kind: 'PREVIEW', contentType: 'audio/mpeg' })
    const catalog = await searchCatalog({ q: 'Unreleased Heat' })
    expect(catalog.beats.map((b) => b.id)).not.toContain(draft.id)
    const plain = await callRoute(previewLoader, new Request(`http://store.test/media/preview/${draft.id}`), { beatId: draft.id })
    expect(plain.status).toBe(404)
    const via = await callRoute(previewLoader, new Request(`http://store.test/media/preview/${draft.id}?via=${link.id}`), { beatId: draft.id })
    expect(via.status).toBe(200)
    expect(await via.response!.text()).toBe('ID3 preview bytes')
  })

  it('the cart and the checkout charge the link price while the link is open', async () => {
    const { link, draft } = await setup()
    const cart = await priceCartLines([{ beatId: draft.id, tier: 'BASIC', via: link.id }])
    expect(cart.dropped).toEqual([])
    expect(cart.totalCents).toBe(1_500)
    const { orderId } = await startCheckout([{ beatId: draft.id, tier: 'BASIC', via: link.id }])
    const order = await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: orderId }, select: { totalCents: true, items: { select: { priceCents: true, privateLinkId: true } } } })
    expect(order).toEqual({ totalCents: 1_500, items: [{ priceCents: 1_500, privateLinkId: link.id }] })
  })

  it('without the link, an unpublished beat cannot be bought, and a published one costs its own price', async () => {
    const { draft, published } = await setup()
    const cart = await priceCartLines([{ beatId: draft.id, tier: 'BASIC' }, { beatId: published.id, tier: 'BASIC' }])
    expect(cart.dropped.map((d) => d.beatId)).toEqual([draft.id])
    expect(cart.totalCents).toBe(2_500)
  })

  it('after expiry the page answers 410 with a sentence, and a cart holding its price is refused at checkout', async () => {
    const { link, draft } = await setup({ expiresInMs: DAY })
    const later = new Date(Date.now() + 2 * DAY)
    await expect(startCheckout([{ beatId: draft.id, tier: 'BASIC', via: link.id }], null, null, later)).rejects.toMatchObject({
      problems: [expect.objectContaining({ message: 'This private link has expired. Ask the producer for a new one.' })],
    })
    await prisma.privateLink.update({ where: { id: link.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const answer = await openLink(link.id)
    expect(answer.status).toBe(410)
    expect(answer.data).toBe('This private link has expired. Ask the producer for a new one.')
  })

  it('a revoked link answers 410 and its lines are refused; revoking is only for its producer', async () => {
    const { link, producer, draft } = await setup()
    const stranger = await makeProducer()
    await expect(revokeLink(stranger.id, link.id)).rejects.toThrow(/not yours/)
    await revokeLink(producer.id, link.id)
    expect((await openLink(link.id)).status).toBe(410)
    const answer = await callRoute(
      checkoutAction,
      new Request('http://store.test/checkout', { method: 'POST', body: new URLSearchParams({ lines: JSON.stringify([{ beatId: draft.id, tier: 'BASIC', via: link.id }]) }) }),
    )
    expect(answer.status).toBe(422)
    expect(JSON.stringify(answer.data)).toContain('The producer has closed this private link')
  })

  it('an unknown or malformed link id is a 404, not a 500', async () => {
    expect((await openLink('AAAAAAAAAAAA')).status).toBe(404)
    expect((await openLink('../../etc')).status).toBe(404)
  })

  it('a cap of 2 lets exactly 2 of 8 racing checkouts through; after both pay the page is 410 "used up"', async () => {
    const { link, draft, producer } = await setup({ cap: 2 })
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => startCheckout([{ beatId: draft.id, tier: 'BASIC', via: link.id }])),
    )
    const through = results.filter((r) => r.status === 'fulfilled')
    expect(through).toHaveLength(2)
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason.problems[0].message).toMatch(/used as many times as the producer allowed/)
    for (const r of through) await pay((r as PromiseFulfilledResult<{ sessionId: string }>).value.sessionId)
    expect((await openLink(link.id)).status).toBe(410)
    const [listed] = await studioPrivateLinks(producer.id)
    expect(listed).toMatchObject({ sales: 2, purchaseCap: 2, state: 'used-up' })
  })

  it('an expired checkout gives its use back', async () => {
    const { link, draft } = await setup({ cap: 1 })
    const first = await startCheckout([{ beatId: draft.id, tier: 'BASIC', via: link.id }])
    await expect(startCheckout([{ beatId: draft.id, tier: 'BASIC', via: link.id }])).rejects.toMatchObject({ problems: [expect.anything()] })
    await prisma.multiItemOrder.update({ where: { id: first.orderId }, data: { status: 'EXPIRED' } })
    await expect(startCheckout([{ beatId: draft.id, tier: 'BASIC', via: link.id }])).resolves.toMatchObject({ sessionId: expect.any(String) })
  })
})

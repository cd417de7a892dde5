import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { startCheckout } from '~/lib/orders/checkout.server'
import { fulfilCheckoutSession } from '~/lib/orders/completion.server'
import { deliverToOwnWebhook, findTestCheckoutOrder, payTestCheckout } from '~/lib/payments/test-checkout.server'
import { contractSha256 } from '~/lib/contracts/hash.server'
import { saveSettings, saveTierTemplate } from '~/lib/contracts/studio.server'
import { LicenseJson, OfferJson, licenseTermsJsonSchema } from '~/lib/contracts/terms-json'
import { getLicense } from '~/lib/pdf/license.server'
import { renderLicensePdf } from '~/lib/pdf/license-pdf.server'
import { loader as verifyLoader } from '~/routes/licenses.$id'
import { loader as licenseJsonLoader } from '~/routes/licenses.$id_.terms[.]json'
import { loader as beatJsonLoader } from '~/routes/beats.$slug_.terms[.]json'
import { makeBeat, makeProducer } from '../factories'
import { makePaidOrder } from '../factories-orders'
import { routeArgs } from '../utils/route'
import { pdfText } from '../utils/pdf-text'

// The contract a buyer gets: frozen from the producer's template at checkout, filled and hashed
// when the payment completes, shown by its hash on the public page and printed in the PDF.

async function buy(beatId: string, tier: 'BASIC' | 'TRACKOUT', name = 'Tess Tester') {
  const { sessionId, orderId } = await startCheckout([{ beatId, tier }])
  const order = (await findTestCheckoutOrder(sessionId))!
  return {
    sessionId,
    orderId,
    pay: () => payTestCheckout(order, { email: 'tess@example.test', name }, deliverToOwnWebhook),
  }
}

const line = (orderId: string) =>
  prisma.orderItem.findFirstOrThrow({
    where: { orderId },
    select: { id: true, contractTemplate: true, contractValues: true, contractText: true, contractSha256: true },
  })

describe('contracts frozen at purchase', () => {
  it('checkout freezes the template of that moment; the payment fills it once with the buyer, the order and the date', async () => {
    const producer = await makeProducer({ displayName: 'Nova Beats' })
    const beat = await makeBeat({ producerId: producer.id, title: 'Midnight Drive', withFiles: false })
    await saveSettings(producer.id, {
      legalName: 'Nora Valdez',
      territory: 'worldwide',
      governingLaw: 'the State of New York, United States',
      termYears: 5,
      publishingPercent: 40,
      creditLine: 'prod. by Nova',
    })
    await saveTierTemplate(
      producer.id,
      'BASIC',
      '# Parties\n{{producer_legal_name}} licenses "{{beat_title}}" to {{buyer_name}} on {{order_date}} for {{price_paid}}.\n\n# Terms\n{{distribution_copies}} copies, {{term_years}} years until {{expiry_date}}, {{territory}}, credit "{{credit_line}}", publishing {{publishing_split}}, law of {{governing_law}}. License {{license_id}}, order #{{order_number}}.',
    )
    const purchase = await buy(beat.id, 'BASIC')
    const atCheckout = await line(purchase.orderId)
    expect(atCheckout.contractTemplate).toContain('{{producer_legal_name}} licenses')
    expect(atCheckout.contractText).toBeNull()
    expect(atCheckout.contractValues).toMatchObject({ producer_legal_name: 'Nora Valdez', price_paid: '$25.00', term_years: '5' })

    // A later edit does not reach an order already at checkout.
    await saveTierTemplate(producer.id, 'BASIC', 'Changed: {{beat_title}}')
    await purchase.pay()
    const sealed = await line(purchase.orderId)
    const order = await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: purchase.orderId }, select: { number: true, paidAt: true } })
    const day = order.paidAt!.toISOString().slice(0, 10)
    const expiry = `${Number(day.slice(0, 4)) + 5}${day.slice(4)}`
    expect(sealed.contractText).toBe(
      `# Parties\nNora Valdez licenses "Midnight Drive" to Tess Tester on ${day} for $25.00.\n\n# Terms\n2,500 copies, 5 years until ${expiry}, worldwide, credit "prod. by Nova", publishing 40% to the Producer and 60% to the Licensee, law of the State of New York, United States. License ${sealed.id}, order #${order.number}.`,
    )
    expect(sealed.contractSha256).toBe(contractSha256(sealed.contractText!))
    expect(sealed.contractSha256).toMatch(/^[0-9a-f]{64}$/)

    // A replayed completion (success page after the webhook) changes nothing.
    await prisma.multiItemOrder.update({ where: { id: purchase.orderId }, data: { buyerName: 'Someone Else' } })
    const session = { id: purchase.sessionId, object: 'checkout.session', payment_status: 'paid', metadata: { orderId: purchase.orderId } }
    await fulfilCheckoutSession(session as never)
    expect((await line(purchase.orderId)).contractSha256).toBe(sealed.contractSha256)
  })

  it('uses the default template when the producer wrote none, and names the order when the buyer gave no name', async () => {
    const beat = await makeBeat({ withFiles: false })
    const purchase = await buy(beat.id, 'TRACKOUT', '')
    await purchase.pay()
    const sealed = await line(purchase.orderId)
    const { number } = await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: purchase.orderId }, select: { number: true } })
    expect(sealed.contractText).toContain('# Grant of rights')
    expect(sealed.contractText).toContain(`and the buyer of order #${number} (the "Licensee")`)
    expect(sealed.contractText).toContain('may later sell exclusive rights')
    expect(sealed.contractText).not.toMatch(/\{\{|\}\}|tess@example/)
  })

  it('the verification page shows the frozen text’s sha256; the PDF is a several-page contract carrying it', async () => {
    const beat = await makeBeat({ withFiles: false, title: 'Paper Trail' })
    const purchase = await buy(beat.id, 'TRACKOUT', 'Jordan Reyes')
    await purchase.pay()
    const sealed = await line(purchase.orderId)
    const page = await verifyLoader(routeArgs(new Request(`http://store.test/licenses/${sealed.id}`), { id: sealed.id }, '127.0.0.1'))
    expect(page).toMatchObject({ state: 'VALID', contractSha256: sealed.contractSha256, supersededBy: null })

    const license = (await getLicense(sealed.id))!
    const pdf = await renderLicensePdf(license, { compress: false })
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0
    expect(pages).toBeGreaterThanOrEqual(2)
    const text = pdfText(pdf)
    for (const part of ['Trackout License Agreement', 'Jordan Reyes', 'Grant of rights', 'Limits of use', 'Term and territory', 'Credit', 'Publishing and ownership', 'Price', 'Restrictions', 'Termination', 'Signatures', 'LICENSOR', 'LICENSEE', 'Verify this license', sealed.contractSha256!, `http://store.test/licenses/${sealed.id}`])
      expect(text, part).toContain(part)
    expect(text).not.toMatch(/\{\{|undefined|NaN|\[object/)
    // The verification link is clickable (the QR is drawn as vector squares; see qr-vector.test.ts).
    expect(pdf.toString('latin1')).toContain(`/URI (http://store.test/licenses/${sealed.id})`)
  })

  it('an order line from before contracts keeps the one-page summary and says so on the page', async () => {
    const order = await makePaidOrder({ lines: [{ tier: 'BASIC' }] })
    const id = order.items[0]!.id
    const page = await verifyLoader(routeArgs(new Request(`http://store.test/licenses/${id}`), { id }, '127.0.0.1'))
    expect(page).toMatchObject({ contractSha256: null })
    const pdf = await renderLicensePdf((await getLicense(id))!, { compress: false })
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1)
    expect(pdfText(pdf)).toContain('Basic beat license')
  })
})

describe('machine-readable terms', () => {
  it('the published JSON Schema is the one generated from the code', () => {
    const published = JSON.parse(readFileSync('public/license-terms.schema.json', 'utf8')) as unknown
    expect(published).toEqual(licenseTermsJsonSchema())
  })

  it('/licenses/:id/terms.json and /beats/:slug/terms.json answer documents valid against the schema', async () => {
    const beat = await makeBeat({ withFiles: false, title: 'Json Beat' })
    const purchase = await buy(beat.id, 'BASIC')
    await purchase.pay()
    const sealed = await line(purchase.orderId)
    const licenseRes = (await licenseJsonLoader(routeArgs(new Request(`http://store.test/licenses/${sealed.id}/terms.json`), { id: sealed.id }, '127.0.0.1'))) as Response
    expect(licenseRes.headers.get('content-type')).toMatch(/application\/json/)
    const licenseDoc = LicenseJson.parse(await licenseRes.json())
    expect(licenseDoc).toMatchObject({ kind: 'license', status: 'VALID', tier: { id: 'BASIC' }, contract: { sha256: sealed.contractSha256 } })
    expect(JSON.stringify(licenseDoc)).not.toContain('tess@example.test')

    const slug = (await prisma.beat.findUniqueOrThrow({ where: { id: beat.id }, select: { slug: true } })).slug
    const beatRes = (await beatJsonLoader(routeArgs(new Request(`http://store.test/beats/${slug}/terms.json`), { slug }, '127.0.0.1'))) as Response
    const offer = OfferJson.parse(await beatRes.json())
    expect(offer.tiers.map((t) => t.tier.id)).toContain('BASIC')
    expect(offer.tiers[0]!.contractTemplate).toContain('{{beat_title}}')

    await expect(licenseJsonLoader(routeArgs(new Request('http://store.test/licenses/x/terms.json'), { id: 'x' }, '127.0.0.1'))).rejects.toMatchObject({ init: { status: 404 } })
    await expect(beatJsonLoader(routeArgs(new Request('http://store.test/beats/nope/terms.json'), { slug: 'nope' }, '127.0.0.1'))).rejects.toMatchObject({ init: { status: 404 } })
  })
})

import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { renderLicensePdf } from '~/lib/pdf/license-pdf.server'
import { getLicense, type LicenseRecord } from '~/lib/pdf/license.server'
import { loader as verifyLoader } from '~/routes/licenses.$id'
import { makePaidOrder } from '../factories-orders'
import { pdfText } from '../utils/pdf-text'
import { routeArgs } from '../utils/route'

async function licenseFor(title: string, tier: 'BASIC' | 'TRACKOUT' = 'TRACKOUT', buyerName: string | null = 'Ada <Artist>') {
  const order = await makePaidOrder({ email: 'ada@example.test', buyerName, lines: [{ tier, beatTitle: title }] })
  return { order, license: (await getLicense(order.items[0]!.id))! }
}

describe('license PDF', () => {
  it('carries licensor, licensee, title, tier, frozen caps, files, order, date and verification URL', async () => {
    const { order, license } = await licenseFor('<script>alert(1)</script> Night Drive')
    const pdf = await renderLicensePdf(license, { compress: false })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = pdfText(pdf)
    expect(text).toContain('<script>alert(1)</script> Night Drive') // a title is text, never markup
    expect(text).toContain(license.producerName)
    expect(text).toContain('Ada <Artist> <ada@example.test>')
    expect(text).toContain('Trackout license')
    expect(text).toContain('MP3, WAV, Stems (zip)')
    expect(text).toContain('10,000 distribution copies')
    expect(text).toContain('Radio broadcasting allowed')
    expect(text).toContain(`#${order.number}`)
    expect(text).toContain(new Date().toISOString().slice(0, 10))
    expect(text).toContain(`http://store.test/licenses/${license.id}`)
    expect(text).not.toMatch(/undefined|null|NaN|\[object/)
    // The QR code is an embedded image.
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/)
  })

  it('uses the frozen terms, not the producer’s later edits', async () => {
    const { license } = await licenseFor('Frozen', 'BASIC')
    await prisma.producerLicenseTerms.updateMany({ data: { distributionCopies: 1 } })
    const again = (await getLicense(license.id))!
    expect(pdfText(await renderLicensePdf(again, { compress: false }))).toContain('2,500 distribution copies')
  })

  it('works without a buyer name and says when a license was refunded', async () => {
    const { license } = await licenseFor('Refunded Beat', 'BASIC', null)
    await prisma.orderItem.update({ where: { id: license.id }, data: { status: 'REFUNDED' } })
    const text = pdfText(await renderLicensePdf((await getLicense(license.id))!, { compress: false }))
    expect(text).toContain('ada@example.test')
    expect(text).toContain('refunded and is no longer valid')
    expect(text).not.toMatch(/undefined|null/)
  })

  it('refuses to print a placeholder for a missing field', async () => {
    const { license } = await licenseFor('Missing')
    const broken: LicenseRecord = { ...license, producerName: '' }
    await expect(renderLicensePdf(broken)).rejects.toThrow(/missing producer/)
    await expect(renderLicensePdf({ ...license, orderEmail: null, buyerName: null })).rejects.toThrow(/missing buyer email/)
    await expect(renderLicensePdf({ ...license, beatTitle: 'undefined' })).rejects.toThrow(/missing beat title/)
  })

  it('compressed output (what buyers get) inflates to the same text', async () => {
    const { license } = await licenseFor('Compressed')
    const pdf = (await renderLicensePdf(license)).toString('latin1')
    const streams = [...pdf.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
      .map((m) => {
        try {
          return inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1')
        } catch {
          return ''
        }
      })
      .join('\n')
    expect(pdfText(Buffer.from(streams, 'latin1'))).toContain('Compressed')
  })
})

describe('public verification page', () => {
  const call = (id: string) =>
    verifyLoader(routeArgs(new Request(`http://store.test/licenses/${id}`), { id }, '127.0.0.1'))

  it('confirms a valid license without the buyer’s email, and reports refunds and disputes', async () => {
    const { order, license } = await licenseFor('Verify Me')
    const data = await call(license.id)
    expect(data).toMatchObject({ state: 'VALID', beatTitle: 'Verify Me', tierLabel: 'Trackout', licensee: 'Ada <Artist>' })
    expect(JSON.stringify(data)).not.toContain('ada@example.test')
    await prisma.multiItemOrder.update({ where: { id: order.id }, data: { status: 'DISPUTED' } })
    expect(await call(license.id)).toMatchObject({ state: 'DISPUTED' })
    await prisma.multiItemOrder.update({ where: { id: order.id }, data: { status: 'REFUNDED' } })
    expect(await call(license.id)).toMatchObject({ state: 'REFUNDED' })
  })

  it('answers 404 for unknown, malformed and unpaid ids', async () => {
    const pending = await makePaidOrder({ status: 'PENDING', lines: [{ tier: 'BASIC' }] })
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '../../etc', pending.items[0]!.id]) {
      await expect(call(id)).rejects.toMatchObject({ init: { status: 404 } })
    }
  })
})

import PDFDocument from 'pdfkit'
import { collectPdf } from './pdf-buffer'
import QRCode from 'qrcode'
import { describeTerms, DOWNLOAD_KIND_LABELS } from '~/lib/tiers'
import type { LicenseRecord } from './license.server'
import { renderContractPdf } from './contract-pdf.server'

// The license PDF for one order line. pdfkit draws text as text, so a title containing HTML is
// printed literally. Every field goes through `present()`: a missing value throws instead of
// printing "undefined" or "null" into a legal document.

function present(label: string, value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value).trim()
  if (!text || text === 'undefined' || text === 'null') throw new Error(`License PDF: missing ${label}`)
  return text
}

const STATE_NOTE: Record<LicenseRecord['state'], string | null> = {
  VALID: null,
  SUPERSEDED: 'This license was replaced by an upgrade; the verification page links to the new one.',
  REFUNDED: 'This license was refunded and is no longer valid.',
  DISPUTED: 'This license is suspended while a payment dispute is open.',
  NOT_PAID: 'This license is not valid: the order was not paid.',
}

export async function renderLicensePdf(license: LicenseRecord, { compress = true } = {}): Promise<Buffer> {
  // Lines bought before contracts were frozen keep the one-page summary they always had.
  if (license.contract) return renderContractPdf(license, license.contract, STATE_NOTE[license.state], { compress })
  const licensee = license.buyerName?.trim()
    ? `${present('buyer name', license.buyerName)} <${present('buyer email', license.orderEmail)}>`
    : present('buyer email', license.orderEmail)
  const fields: [string, string][] = [
    ['Licensor (producer)', present('producer', license.producerName)],
    ['Licensee', licensee],
    ['Beat', present('beat title', license.beatTitle)],
    ['License', `${present('tier', license.tierLabel)} license`],
    ['Files included', present('files', license.files.map((f) => DOWNLOAD_KIND_LABELS[f]).join(', '))],
    ['Order', `#${present('order number', license.orderNumber)}`],
    ['Date', present('date', license.issuedAt.toISOString().slice(0, 10))],
    ['License id', present('license id', license.id)],
  ]
  const terms = describeTerms(license.terms).map((t) => present('terms', t))
  const verifyUrl = present('verification URL', license.verifyUrl)
  const qr = await QRCode.toBuffer(verifyUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' })

  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress,
    info: {
      Title: `${license.tierLabel} license — ${license.beatTitle}`,
      Author: license.producerName,
      Subject: `Beat license, order #${license.orderNumber}`,
      Creator: 'Beatstall',
    },
  })
  const done = collectPdf(doc)

  doc.font('Helvetica-Bold').fontSize(10).fillColor('#6b5cff').text('BEATSTALL', { characterSpacing: 2 })
  doc.moveDown(0.5)
  doc.font('Helvetica-Bold').fontSize(22).fillColor('#16161d').text(`${license.tierLabel} beat license`)
  doc.font('Helvetica').fontSize(11).fillColor('#555').text(`"${license.beatTitle}" by ${license.producerName}`)
  const note = STATE_NOTE[license.state]
  if (note) {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).fillColor('#b42318').text(note)
  }
  doc.moveDown(1)
  for (const [label, value] of fields) {
    doc.font('Helvetica-Bold').fontSize(9).fillColor('#777').text(label.toUpperCase(), { characterSpacing: 0.5 })
    doc.font('Helvetica').fontSize(12).fillColor('#16161d').text(value)
    doc.moveDown(0.4)
  }
  doc.moveDown(0.6)
  doc.font('Helvetica-Bold').fontSize(13).fillColor('#16161d').text('Usage rights')
  doc.moveDown(0.3)
  doc.font('Helvetica').fontSize(11)
  for (const line of terms) doc.text(`•  ${line}`)
  doc.moveDown(0.6)
  doc
    .fontSize(9)
    .fillColor('#555')
    .text(
      'The licensor grants the licensee a non-exclusive license to use the beat within the usage rights above. ' +
        'The licensor keeps the copyright. The terms were fixed at purchase and do not change afterwards.',
    )
  doc.moveDown(1)
  const qrTop = doc.y
  doc.image(qr, doc.page.margins.left, qrTop, { width: 110 })
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor('#16161d')
    .text('Verify this license', doc.page.margins.left + 130, qrTop + 20)
  doc.font('Helvetica').fontSize(10).fillColor('#6b5cff').text(verifyUrl, { link: verifyUrl, underline: true })
  doc.end()
  return done
}

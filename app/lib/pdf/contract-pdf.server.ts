import PDFDocument from 'pdfkit'
import { collectPdf } from './pdf-buffer'
import { contractBlocks } from '~/lib/contracts/template'
import { capText } from '~/lib/contracts/values'
import { formatMoney } from '~/lib/money'
import { DOWNLOAD_KIND_LABELS } from '~/lib/tiers'
import type { FrozenContract, LicenseRecord } from './license.server'
import { drawQr } from './qr-vector'

// The contract PDF for a line whose contract was filled at payment: a summary of the key terms,
// the frozen text section by section, a signature block and the verification QR with the text's
// sha256, so anyone holding the PDF can check it against the public verification page.

const INK = '#16161d'
const MUTED = '#5b5b66'
const ACCENT = '#5b4bdb'
const RULE = '#d8d8e0'
const MARGIN = 60

export function renderContractPdf(
  license: LicenseRecord,
  contract: FrozenContract,
  stateNote: string | null,
  { compress = true } = {},
): Promise<Buffer> {
  const v = contract.values
  const licensor = v.producer_legal_name ?? license.producerName
  const licensee = v.buyer_name ?? license.buyerName ?? license.orderEmail ?? `the buyer of order #${license.orderNumber}`
  const date = v.order_date ?? license.issuedAt.toISOString().slice(0, 10)

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 16 },
    compress,
    bufferPages: true,
    info: {
      Title: `${license.tierLabel} License Agreement — ${license.beatTitle}`,
      Author: license.producerName,
      Subject: `Beat license ${license.id}, order #${license.orderNumber}`,
      Creator: 'Beatstall',
    },
  })
  const done = collectPdf(doc)
  const width = doc.page.width - MARGIN * 2
  const bottom = () => doc.page.height - doc.page.margins.bottom
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage()
  }

  // Title and summary.
  doc.font('Helvetica-Bold').fontSize(9).fillColor(ACCENT).text('BEATSTALL  ·  BEAT LICENSE AGREEMENT', { characterSpacing: 1.5 })
  doc.moveDown(0.6)
  doc.font('Helvetica-Bold').fontSize(22).fillColor(INK).text(`${license.tierLabel} License Agreement`)
  doc.font('Helvetica').fontSize(12).fillColor(MUTED).text(`“${license.beatTitle}” produced by ${license.producerName}`)
  if (stateNote) doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11).fillColor('#b42318').text(stateNote)
  doc.moveDown(1)

  const summary: [string, string][] = [
    ['Licensor (producer)', licensor === license.producerName ? licensor : `${licensor} (${license.producerName})`],
    ['Licensee', licensee],
    ['Beat', license.beatTitle],
    ['License', `${license.tierLabel}`],
    ['Files', v.files ?? license.files.map((f) => DOWNLOAD_KIND_LABELS[f]).join(', ')],
    ['Price paid', v.price_paid ?? formatMoney(license.priceCents, license.currency)],
    ['Effective date', date],
    ['Order', `#${license.orderNumber}`],
    ['Distribution copies', v.distribution_copies ?? capText(license.terms.distributionCopies)],
    ['Audio streams', v.streams ?? capText(license.terms.streams)],
    ['Music videos', v.music_videos ?? capText(license.terms.musicVideos)],
    ['Radio broadcasting', v.radio ?? (license.terms.radioBroadcasting ? 'allowed' : 'not allowed')],
  ]
  const colWidth = (width - 24) / 2
  const boxTop = doc.y
  let rowTop = boxTop + 14
  for (let i = 0; i < summary.length; i += 2) {
    let rowHeight = 0
    for (const [col, entry] of [summary[i], summary[i + 1]].entries()) {
      if (!entry) continue
      const x = MARGIN + 12 + col * (colWidth + 0)
      doc.font('Helvetica-Bold').fontSize(7.5).fillColor(MUTED).text(entry[0].toUpperCase(), x, rowTop, { width: colWidth - 12, characterSpacing: 0.6 })
      doc.font('Helvetica').fontSize(10.5).fillColor(INK).text(entry[1], x, doc.y + 2, { width: colWidth - 12 })
      rowHeight = Math.max(rowHeight, doc.y - rowTop)
    }
    rowTop += rowHeight + 10
  }
  doc.roundedRect(MARGIN, boxTop, width, rowTop - boxTop + 4, 6).lineWidth(0.8).strokeColor(RULE).stroke()
  doc.x = MARGIN
  doc.y = rowTop + 22

  // The agreement itself, exactly as frozen.
  for (const block of contractBlocks(contract.text)) {
    if (block.kind === 'heading') {
      ensure(60)
      doc.moveDown(0.5)
      doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text(block.text, MARGIN, doc.y, { width })
      doc.moveDown(0.3)
      continue
    }
    for (const line of block.text.split('\n')) {
      const bullet = /^[-•*]\s+/.exec(line)
      doc.font('Helvetica').fontSize(10).fillColor(INK)
      if (bullet) {
        const top = doc.y
        doc.text('•', MARGIN + 8, top, { width: 10 })
        doc.text(line.slice(bullet[0].length), MARGIN + 22, top, { width: width - 22, lineGap: 2 })
      } else {
        doc.text(line, MARGIN, doc.y, { width, lineGap: 2, align: 'left' })
      }
    }
    doc.moveDown(0.6)
  }

  // Signatures: both parties accepted these terms electronically, the producer by offering the
  // license for sale and the buyer by paying for it.
  ensure(150)
  doc.moveDown(0.8)
  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text('Signatures', MARGIN, doc.y, { width })
  doc.moveDown(0.6)
  const sigTop = doc.y
  const sigs: [string, string, string][] = [
    ['LICENSOR', licensor, 'Accepted electronically by offering this license for sale.'],
    ['LICENSEE', licensee, `Accepted electronically by paying for order #${license.orderNumber}.`],
  ]
  let sigBottom = sigTop
  sigs.forEach(([role, name, how], col) => {
    const x = MARGIN + col * (colWidth + 24)
    doc.moveTo(x, sigTop + 34).lineTo(x + colWidth, sigTop + 34).lineWidth(0.8).strokeColor(INK).stroke()
    doc.font('Helvetica-Oblique').fontSize(13).fillColor(INK).text(name, x, sigTop + 14, { width: colWidth, lineBreak: false, ellipsis: true })
    doc.font('Helvetica-Bold').fontSize(7.5).fillColor(MUTED).text(role, x, sigTop + 40, { width: colWidth, characterSpacing: 0.6 })
    doc.font('Helvetica').fontSize(10).fillColor(INK).text(name, x, doc.y + 2, { width: colWidth })
    doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(`Date: ${date}. ${how}`, x, doc.y + 2, { width: colWidth })
    sigBottom = Math.max(sigBottom, doc.y)
  })
  doc.x = MARGIN
  doc.y = sigBottom + 24

  // Verification.
  ensure(108)
  const qrTop = doc.y
  doc.moveTo(MARGIN, qrTop - 8).lineTo(MARGIN + width, qrTop - 8).lineWidth(0.5).strokeColor(RULE).stroke()
  drawQr(doc, license.verifyUrl, MARGIN, qrTop + 4, 96)
  const textX = MARGIN + 112
  const textW = width - 112
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text('Verify this license', textX, qrTop + 6, { width: textW })
  doc.font('Helvetica').fontSize(9.5).fillColor(ACCENT).text(license.verifyUrl, textX, doc.y + 2, { width: textW, link: license.verifyUrl, underline: true })
  doc.moveDown(0.5)
  doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text('SHA-256 of the agreement text, as frozen at purchase (also shown on the verification page):', textX, doc.y, { width: textW })
  doc.font('Courier').fontSize(8.5).fillColor(INK).text(contract.sha256, textX, doc.y + 2, { width: textW })

  // Page footers.
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const savedBottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${license.tierLabel} License Agreement · “${license.beatTitle}” · License ${license.id} · Page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 14, {
        width,
        align: 'center',
        lineBreak: false,
        ellipsis: true,
      })
    doc.page.margins.bottom = savedBottom
  }
  doc.end()
  return done
}

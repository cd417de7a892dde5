import PDFDocument from 'pdfkit'
import { collectPdf } from './pdf-buffer'
import { contractBlocks } from '~/lib/contracts/template'

// The free download's license as a PDF: the text frozen when the address was confirmed, section by
// section, with the licensee's address, the date and the text's sha256, so the holder can show
// exactly what they were granted.

const INK = '#16161d'
const MUTED = '#5b5b66'
const ACCENT = '#5b4bdb'
const MARGIN = 60

export interface FreeLicenseDocument {
  beatTitle: string
  producerName: string
  email: string
  confirmedAt: Date
  text: string
  sha256: string
}

export function renderFreeLicensePdf(license: FreeLicenseDocument, { compress = true } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN },
    compress,
    info: { Title: `Free License — ${license.beatTitle}`, Author: license.producerName, Creator: 'Beatstall' },
  })
  const done = collectPdf(doc)
  const width = doc.page.width - MARGIN * 2

  doc.font('Helvetica-Bold').fontSize(9).fillColor(ACCENT).text('BEATSTALL  ·  FREE DOWNLOAD LICENSE', { characterSpacing: 1.5 })
  doc.moveDown(0.6)
  doc.font('Helvetica-Bold').fontSize(22).fillColor(INK).text('Free License')
  doc.font('Helvetica').fontSize(12).fillColor(MUTED).text(`“${license.beatTitle}” produced by ${license.producerName}`)
  doc.text(`Licensee: ${license.email} · confirmed ${license.confirmedAt.toISOString().slice(0, 10)}`)
  doc.moveDown(1)

  for (const block of contractBlocks(license.text)) {
    if (block.kind === 'heading') {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).fillColor(INK).text(block.text, MARGIN, doc.y, { width })
      doc.moveDown(0.2)
      continue
    }
    doc.font('Helvetica').fontSize(10.5).fillColor(INK).text(block.text, MARGIN, doc.y, { width, lineGap: 2 })
    doc.moveDown(0.5)
  }

  doc.moveDown(1)
  doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(`SHA-256 of the license text: ${license.sha256}`, MARGIN, doc.y, { width })
  doc.end()
  return done
}

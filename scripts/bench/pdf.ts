// `npm run bench:pdf`: how long a 10-line order's license PDFs take to render (what the receipt
// and "download everything" wait for), against a reference measured in the same run: ten minimal
// one-page pdfkit documents. Each line is a full contract (the default Trackout/Basic/Unlimited
// text, summary, signatures, QR code). No database: the records are built in memory.
import { performance } from 'node:perf_hooks'
import PDFDocument from 'pdfkit'
import { contractSha256 } from '~/lib/contracts/hash.server'
import { defaultTemplateFor } from '~/lib/contracts/defaults'
import { renderTemplate } from '~/lib/contracts/template'
import { SAMPLE_VALUES } from '~/lib/contracts/variables'
import type { LicenseRecord } from '~/lib/pdf/license.server'
import { renderLicensePdf } from '~/lib/pdf/license-pdf.server'
import { LICENSE_TIERS, TIER_IDS } from '~/lib/tiers'
import { median } from './lib/load'

const LINES = 10
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const log = (line: string) => console.log(`[bench] ${line}`)

function lineRecord(i: number): LicenseRecord {
  const tier = TIER_IDS[i % TIER_IDS.length]!
  const id = `3f6c2a1e-8d4b-4c1a-9a57-${String(i).padStart(12, '0')}`
  const values = { ...SAMPLE_VALUES, tier: LICENSE_TIERS[tier].label, license_id: id, beat_title: `Beat number ${i + 1}` }
  const text = renderTemplate(defaultTemplateFor(tier), values)
  return {
    id,
    state: 'VALID',
    beatTitle: values.beat_title,
    beatSlug: `beat-${i}`,
    producerName: 'Nova Beats',
    tier,
    tierLabel: LICENSE_TIERS[tier].label,
    terms: { ...LICENSE_TIERS[tier].defaultTerms },
    files: [...LICENSE_TIERS[tier].files],
    orderNumber: 1042,
    orderEmail: 'jordan@example.test',
    buyerName: 'Jordan Reyes',
    issuedAt: new Date('2026-12-02T10:00:00Z'),
    verifyUrl: `https://beats.example/licenses/${id}`,
    priceCents: LICENSE_TIERS[tier].defaultPriceCents,
    currency: 'usd',
    contract: { text, sha256: contractSha256(text), values },
    supersededBy: null,
  }
}

function minimalPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  doc.font('Helvetica').fontSize(12).text('Beat license')
  doc.end()
  return done
}

async function timeOrder(render: (i: number) => Promise<Buffer>): Promise<{ ms: number; bytes: number; pages: number }> {
  const t0 = performance.now()
  let bytes = 0
  let pages = 0
  for (let i = 0; i < LINES; i++) {
    const pdf = await render(i)
    bytes += pdf.length
    pages += pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0
  }
  return { ms: performance.now() - t0, bytes, pages }
}

const records = Array.from({ length: LINES }, (_, i) => lineRecord(i))
const contracts = (i: number) => renderLicensePdf(records[i]!)
const reference = () => minimalPdf()

// Warm up (font metrics, QR encoder, JIT), then alternate so both see the same machine load.
await timeOrder(contracts)
await timeOrder(reference)
const ours: number[] = []
const refs: number[] = []
let sample = { bytes: 0, pages: 0 }
for (let run = 0; run < RUNS; run++) {
  const c = await timeOrder(contracts)
  sample = c
  ours.push(c.ms)
  refs.push((await timeOrder(reference)).ms)
}
const m = median(ours)
const r = median(refs)
log(`${LINES}-line order, ${RUNS} runs: ${sample.pages} pages, ${(sample.bytes / 1024).toFixed(0)} KiB of PDFs per order`)
log(`contract PDFs: median ${m.toFixed(1)} ms per order (${(m / LINES).toFixed(1)} ms per license), min ${Math.min(...ours).toFixed(1)}, max ${Math.max(...ours).toFixed(1)}`)
log(`reference (10 minimal one-page pdfkit documents): median ${r.toFixed(1)} ms`)
log(`target: under 1000 ms per order — ${m < 1000 ? 'met' : 'NOT met'}`)

import { stringify } from 'csv-stringify/sync'
import { LICENSE_TIERS } from '~/lib/tiers'
import { listSalesLines } from '~/models/studio-sales.server'
import { adjustmentsText, readAdjustments } from '~/lib/pricing/adjustments'

// The producer's sales as CSV for a spreadsheet. Cells that a spreadsheet would run as a formula
// (=, +, -, @ first) are prefixed with a quote: beat titles and buyer names are user input.

function cell(value: string) {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export async function salesCsv(producerId: string): Promise<string> {
  const lines = await listSalesLines(producerId)
  return stringify(
    lines.map((l) => [
      l.order.number,
      l.order.paidAt?.toISOString() ?? '',
      cell(l.beatTitle),
      LICENSE_TIERS[l.tier].label,
      (l.priceCents / 100).toFixed(2),
      l.order.currency.toUpperCase(),
      l.order.status,
      l.status,
      cell(l.order.buyerName ?? ''),
      cell(l.order.email ?? ''),
      l.downloads.total,
      l.downloads.counted,
      // Gross (list price), discounts and net (what the buyer paid: the price column) per line.
      (l.listPriceCents / 100).toFixed(2),
      ((l.listPriceCents - l.priceCents) / 100).toFixed(2),
      (l.priceCents / 100).toFixed(2),
      cell(adjustmentsText(readAdjustments(l.adjustments))),
    ]),
    {
      header: true,
      columns: ['order', 'paid_at', 'beat', 'license', 'price', 'currency', 'order_status', 'line_status', 'buyer_name', 'buyer_email', 'downloads_total', 'downloads_since_reset', 'gross', 'discounts', 'net', 'discount_reasons'],
    },
  )
}

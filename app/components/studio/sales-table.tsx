import { Form } from 'react-router'
import type { LicenseTier, OrderItemStatus, OrderStatus } from '~/generated/prisma/enums'
import { formatMoney } from '~/lib/money'
import { LICENSE_TIERS } from '~/lib/tiers'
import { adjustmentsText, readAdjustments } from '~/lib/pricing/adjustments'

interface Line {
  id: string
  beatTitle: string
  tier: LicenseTier
  priceCents: number
  listPriceCents: number
  adjustments: unknown
  status: OrderItemStatus
  order: { number: number; status: OrderStatus; email: string | null; buyerName: string | null; paidAt: Date | null }
  downloads: { total: number; counted: number; lastAt: Date | null }
}

const STATUS_NOTE: Partial<Record<OrderStatus, string>> = { REFUNDED: 'Refunded', DISPUTED: 'Disputed' }

export function SalesTable({ lines, currency, downloadLimit }: { lines: Line[]; currency: string; downloadLimit: number }) {
  if (lines.length === 0) {
    return (
      <div className="rounded-2xl border border-dashed border-line p-8 text-center text-sm text-muted">
        No sales yet. When a buyer pays for one of your beats, the order line shows up here.
      </div>
    )
  }
  return (
    <div className="overflow-hidden rounded-2xl border border-line bg-panel">
      <h2 id="order-lines-title" className="border-b border-line px-4 py-3 font-semibold">
        Order lines
      </h2>
      <ul aria-labelledby="order-lines-title" className="divide-y divide-line">
        {lines.map((line) => {
          const note = line.status === 'REFUNDED' ? 'Refunded' : STATUS_NOTE[line.order.status]
          return (
            <li key={line.id} className="grid gap-3 px-4 py-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1.4fr)_auto] sm:items-center">
              <div className="min-w-0">
                <p className="truncate font-medium">
                  {line.beatTitle} <span className="text-muted">· {LICENSE_TIERS[line.tier].label}</span>
                </p>
                <p className="text-xs text-muted">
                  Order #{line.order.number} · {line.order.paidAt ? new Date(line.order.paidAt).toISOString().slice(0, 10) : '—'} ·{' '}
                  {line.listPriceCents !== line.priceCents ? (
                    <>
                      gross {formatMoney(line.listPriceCents, currency)} − {formatMoney(line.listPriceCents - line.priceCents, currency)}{' '}
                      <span title={adjustmentsText(readAdjustments(line.adjustments))}>({adjustmentsText(readAdjustments(line.adjustments))})</span> = net{' '}
                    </>
                  ) : null}
                  <span className="font-medium text-zinc-200">{formatMoney(line.priceCents, currency)}</span>
                  {note ? <span className="ml-2 rounded-full bg-red-500/15 px-2 py-0.5 text-red-300">{note}</span> : null}
                </p>
              </div>
              <div className="min-w-0 text-sm">
                <p className="truncate">{line.order.buyerName || line.order.email || 'Guest'}</p>
                <p className="text-xs text-muted">
                  {line.downloads.total} download{line.downloads.total === 1 ? '' : 's'} · {line.downloads.counted} counted toward {downloadLimit} per file
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                <Form method="post">
                  <input type="hidden" name="intent" value="reset-downloads" />
                  <input type="hidden" name="lineId" value={line.id} />
                  <button type="submit" className="rounded-lg border border-line px-3 py-1.5 text-xs font-medium hover:border-zinc-500" disabled={line.downloads.counted === 0}>
                    Reset downloads
                  </button>
                </Form>
                {line.order.status === 'PAID' && line.order.email ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="resend-receipt" />
                    <input type="hidden" name="lineId" value={line.id} />
                    <button type="submit" className="rounded-lg border border-line px-3 py-1.5 text-xs font-medium hover:border-zinc-500">
                      Resend receipt
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

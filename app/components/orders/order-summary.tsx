import type { ReactNode } from 'react'
import { formatMoney } from '~/lib/money'
import type { OrderView, OrderViewItem } from '~/lib/orders/order-view'
import type { Adjustment } from '~/lib/pricing/price-order'

interface Props {
  order: OrderView
  /** Per-line extras (download buttons) rendered under each line. */
  renderItemActions?: (item: OrderViewItem) => ReactNode
}

/** What took a line from its list price to what was paid ("Code SPRING10: −$2.50"). */
export function LineAdjustments({ adjustments, currency }: { adjustments: Adjustment[]; currency: string }) {
  if (!adjustments.length) return null
  return (
    <ul className="mt-1 text-sm text-emerald-300" data-testid="line-adjustments">
      {adjustments.map((a, i) => (
        <li key={i}>
          {a.label}: −{formatMoney(a.cents, currency)}
        </li>
      ))}
    </ul>
  )
}

/** Every line of an order with its tier, what it includes and its frozen terms, plus the total. */
export function OrderSummary({ order, renderItemActions }: Props) {
  return (
    <section aria-labelledby="order-lines-title" className="rounded-2xl border border-line bg-panel">
      <h2 id="order-lines-title" className="border-b border-line px-4 py-3 text-sm font-semibold text-muted sm:px-5">
        Order #{order.number} · {order.items.length} {order.items.length === 1 ? 'license' : 'licenses'}
      </h2>
      <ul className="divide-y divide-line">
        {order.items.map((item) => (
          <li key={item.id} className="px-4 py-4 sm:px-5" data-testid="order-line">
            <div className="flex items-start gap-3">
              <div className="min-w-0 flex-1">
                <p className="font-semibold leading-tight">
                  {item.beatTitle}
                  {item.status === 'REFUNDED' ? (
                    <span className="ml-2 rounded-full bg-red-500/15 px-2 py-0.5 text-xs font-semibold text-red-300">Refunded</span>
                  ) : null}
                </p>
                <p className="mt-0.5 text-sm text-muted">
                  {item.producerName} · <span className="font-medium text-zinc-200">{item.tierLabel} license</span>
                </p>
              </div>
              <p className="shrink-0 font-semibold tabular-nums" data-testid="order-line-paid">
                {item.adjustments.length ? <s className="mr-1.5 text-sm font-normal text-muted">{formatMoney(item.listPriceCents, order.currency)}</s> : null}
                {formatMoney(item.priceCents, order.currency)}
              </p>
            </div>
            <LineAdjustments adjustments={item.adjustments} currency={order.currency} />
            <p className="mt-2 text-xs text-muted">
              Includes: <span className="text-zinc-300">{item.includes.join(', ')}</span>
            </p>
            {item.terms.length ? (
              <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-muted">
                {item.terms.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            ) : null}
            {renderItemActions ? <div className="mt-3">{renderItemActions(item)}</div> : null}
          </li>
        ))}
      </ul>
      <p className="flex items-center justify-between border-t border-line px-4 py-3 sm:px-5">
        <span className="text-sm text-muted">Total</span>
        <span className="text-lg font-black tabular-nums" data-testid="order-total">
          {formatMoney(order.totalCents, order.currency)}
        </span>
      </p>
    </section>
  )
}

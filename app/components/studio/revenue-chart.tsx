import { formatMoney } from '~/lib/money'
import { chartGeometry, type ChartPoint } from '~/lib/studio/sales-chart'

/**
 * Bars per day as SVG, rendered on the server. The SVG stretches to the card (no fixed aspect) and
 * the labels are HTML, so they stay readable on a phone.
 */
export function RevenueChart({ series, currency }: { series: ChartPoint[]; currency: string }) {
  const g = chartGeometry(series)
  const total = series.reduce((s, p) => s + p.cents, 0)
  const best = series.reduce((b, p) => (p.cents > b.cents ? p : b), { day: '', cents: 0 })
  const first = series[0]?.day
  const last = series[series.length - 1]?.day
  const money = (c: number) => formatMoney(c, currency).replace(/\.00$/, '')
  return (
    <figure>
      <div className="mb-2 flex items-baseline justify-between text-xs text-muted">
        <span>{best.cents > 0 ? `Best day: ${money(best.cents)} on ${best.day}` : 'No sales in this period yet'}</span>
        <span>axis up to {money(g.maxCents)}</span>
      </div>
      <svg
        viewBox={`0 0 ${g.width} ${g.height}`}
        preserveAspectRatio="none"
        className="block h-40 w-full sm:h-48"
        role="img"
        aria-label={`Revenue per day from ${first} to ${last}: ${formatMoney(total, currency)} in total.`}
      >
        {g.gridlines.map((line) => (
          <line key={line.y} x1={0} x2={g.width} y1={line.y} y2={line.y} stroke="var(--color-line)" strokeDasharray="3 4" vectorEffect="non-scaling-stroke" />
        ))}
        <line x1={0} x2={g.width} y1={g.height} y2={g.height} stroke="var(--color-line)" vectorEffect="non-scaling-stroke" />
        {g.bars.map((bar) => (
          <rect key={bar.day} x={bar.x} y={bar.y} width={bar.w} height={bar.h} fill="var(--color-accent)">
            <title>{`${bar.day}: ${formatMoney(bar.cents, currency)}`}</title>
          </rect>
        ))}
      </svg>
      <figcaption className="mt-2 flex justify-between text-xs text-muted">
        <span>{first}</span>
        <span>{last}</span>
      </figcaption>
    </figure>
  )
}

import { formatMoney } from '~/lib/money'
import { chartGeometry, type ChartPoint } from '~/lib/studio/sales-chart'

/** Bars per day, rendered as SVG on the server; a table alternative for screen readers. */
export function RevenueChart({ series, currency }: { series: ChartPoint[]; currency: string }) {
  const g = chartGeometry(series)
  const total = series.reduce((s, p) => s + p.cents, 0)
  const first = series[0]?.day
  const last = series[series.length - 1]?.day
  return (
    <figure>
      <svg viewBox={`0 0 ${g.width} ${g.height + 20}`} className="h-auto w-full" role="img" aria-label={`Revenue per day from ${first} to ${last}: ${formatMoney(total, currency)} in total.`}>
        {g.gridlines.map((line) => (
          <g key={line.y}>
            <line x1={0} x2={g.width} y1={line.y} y2={line.y} stroke="var(--color-line)" strokeDasharray="3 4" />
            <text x={g.width - 2} y={line.y - 4} textAnchor="end" fontSize={11} fill="var(--color-muted)">
              {formatMoney(line.cents, currency).replace(/\.00$/, '')}
            </text>
          </g>
        ))}
        <line x1={0} x2={g.width} y1={g.height} y2={g.height} stroke="var(--color-line)" />
        {g.bars.map((bar) => (
          <rect key={bar.day} x={bar.x} y={bar.y} width={bar.w} height={bar.h} rx={2} fill="var(--color-accent)">
            <title>{`${bar.day}: ${formatMoney(bar.cents, currency)}`}</title>
          </rect>
        ))}
        <text x={0} y={g.height + 16} fontSize={11} fill="var(--color-muted)">
          {first}
        </text>
        <text x={g.width} y={g.height + 16} fontSize={11} textAnchor="end" fill="var(--color-muted)">
          {last}
        </text>
      </svg>
      <figcaption className="sr-only">Revenue per day; days without sales are shown as empty.</figcaption>
    </figure>
  )
}

import type { Route } from './+types/studio.ledger'
import { StatCard } from '~/components/studio/stat-card'
import { requireProducer } from '~/lib/auth/session.server'
import { formatMoney } from '~/lib/money'
import { getLedger, type LedgerShare } from '~/lib/payouts/ledger.server'

export const meta: Route.MetaFunction = () => [{ title: 'Ledger · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  return getLedger(producer)
}

const STATUS_TEXT: Record<string, string> = {
  PENDING: 'pending',
  PAID: 'paid',
  REVERSED: 'reversed',
  FAILED: 'failed, retrying',
  HELD: 'held (dispute)',
}

const STATUS_TONE: Record<string, string> = {
  PENDING: 'bg-zinc-700 text-zinc-100',
  PAID: 'bg-emerald-500/20 text-emerald-200',
  REVERSED: 'bg-zinc-800 text-zinc-400',
  FAILED: 'bg-red-500/20 text-red-200',
  HELD: 'bg-amber-500/20 text-amber-200',
}

function Share({ share, currency }: { share: LedgerShare; currency: string }) {
  return (
    <li className={`rounded-lg px-3 py-2 text-sm ${share.mine ? 'bg-accent/10 ring-1 ring-accent/40' : 'bg-ink'}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 flex-1 truncate">
          {share.payee} {share.mine ? <span className="text-xs text-accent">(you)</span> : null} <span className="text-xs text-muted">{share.percent} %</span>
        </span>
        <span className="font-medium tabular-nums">{formatMoney(share.amountCents, currency)}</span>
        <span className={`rounded-full px-2 py-0.5 text-xs ${STATUS_TONE[share.status] ?? ''}`}>{STATUS_TEXT[share.status] ?? share.status}</span>
      </div>
      {share.stripeTransferId || share.lastError ? (
        <p className="mt-1 break-all font-mono text-xs text-muted">
          {share.stripeTransferId}
          {share.stripeReversalIds.length ? ` · reversed by ${share.stripeReversalIds.join(', ')}` : ''}
          {share.lastError ? <span className="text-red-300"> {share.lastError}</span> : null}
        </p>
      ) : null}
    </li>
  )
}

export default function Ledger({ loaderData }: Route.ComponentProps) {
  const { lines, months } = loaderData
  const currency = lines[0]?.currency ?? 'usd'
  const current = months[0]
  return (
    <section aria-labelledby="ledger-title" className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="ledger-title" className="text-2xl font-bold sm:text-3xl">
            Ledger
          </h1>
          <p className="mt-1 text-sm text-muted">What each sale paid, the store’s fee, and every share with its transfer. Last 12 months.</p>
        </div>
        <a href="/studio/ledger.csv" className="inline-flex items-center rounded-lg border border-line bg-panel px-4 py-2 text-sm font-medium hover:border-zinc-500" download>
          Export CSV
        </a>
      </div>
      {current ? (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <StatCard label={`Earned ${current.month}`} value={formatMoney(current.earnedCents, currency)} note="your shares, net of reversals" />
          <StatCard label="Transferred" value={formatMoney(current.transferredCents, currency)} note="sent to Stripe" />
          <StatCard label="Waiting" value={formatMoney(current.waitingCents, currency)} note="pending, failed or held" />
        </div>
      ) : null}
      {months.length ? (
        <div className="overflow-x-auto rounded-2xl border border-line bg-panel p-5">
          <h2 className="mb-3 font-semibold">Monthly totals (your shares)</h2>
          <table className="w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wider text-muted">
              <tr>
                <th className="py-1 pr-4 font-medium">Month</th>
                <th className="py-1 pr-4 text-right font-medium">Earned</th>
                <th className="py-1 pr-4 text-right font-medium">Transferred</th>
                <th className="py-1 pr-4 text-right font-medium">Waiting</th>
                <th className="py-1 text-right font-medium">Reversed</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {months.map((m) => (
                <tr key={m.month} className="border-t border-line">
                  <td className="py-1.5 pr-4">{m.month}</td>
                  <td className="py-1.5 pr-4 text-right">{formatMoney(m.earnedCents, currency)}</td>
                  <td className="py-1.5 pr-4 text-right">{formatMoney(m.transferredCents, currency)}</td>
                  <td className="py-1.5 pr-4 text-right">{formatMoney(m.waitingCents, currency)}</td>
                  <td className="py-1.5 text-right">{formatMoney(m.reversedCents, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {lines.length ? (
        <ol className="space-y-3" aria-label="Sold lines">
          {lines.map((l) => (
            <li key={l.orderItemId} className="rounded-2xl border border-line bg-panel p-4">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <h2 className="min-w-0 flex-1 font-semibold">
                  {l.beatTitle} <span className="text-sm font-normal text-muted">· {l.tier}</span>
                </h2>
                <span className="text-xs text-muted">
                  Order #{l.orderNumber} · {l.date.slice(0, 10)}
                  {l.ownLine ? '' : ` · ${l.ownerName}’s beat`}
                </span>
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
                <div>
                  <dt className="text-xs text-muted">Gross</dt>
                  <dd className="tabular-nums">{formatMoney(l.grossCents, l.currency)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-muted">Discount</dt>
                  <dd className="tabular-nums">{l.discountCents ? `−${formatMoney(l.discountCents, l.currency)}` : '—'}</dd>
                </div>
                <div>
                  <dt className="text-xs text-muted">Paid</dt>
                  <dd className="tabular-nums">{formatMoney(l.paidCents, l.currency)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-muted">Platform fee</dt>
                  <dd className="tabular-nums">−{formatMoney(l.platformFeeCents, l.currency)}</dd>
                </div>
              </dl>
              <ul className="mt-3 space-y-1.5" aria-label="Shares">
                {l.shares.map((s, i) => (
                  <Share key={i} share={s} currency={l.currency} />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : (
        <p className="rounded-2xl border border-line bg-panel p-5 text-sm text-muted">No paid sales yet. Each sale appears here with your share.</p>
      )}
    </section>
  )
}

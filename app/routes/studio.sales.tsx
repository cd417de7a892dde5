import { Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/studio.sales'
import { FormErrorsAlert } from '~/components/form-errors'
import { FormAlert } from '~/components/studio/fields'
import { RevenueChart } from '~/components/studio/revenue-chart'
import { SalesTable } from '~/components/studio/sales-table'
import { StatCard } from '~/components/studio/stat-card'
import { requireProducer } from '~/lib/auth/session.server'
import { getEnv } from '~/lib/env.server'
import { formFailure, invariantResponse } from '~/lib/http/errors'
import { NO_ERRORS } from '~/lib/form'
import { formatMoney } from '~/lib/money'
import { keepRetryAfter } from '~/lib/http/retry-after'
import { SALES_RANGES } from '~/lib/studio/sales-range'
import { getSalesOverview, rangeSchema, resendReceipt, resetDownloadCount } from '~/lib/studio/sales.server'
import { readForm } from '~/lib/http/read-body'

export const headers = keepRetryAfter

export const meta: Route.MetaFunction = () => [{ title: 'Sales · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  const range = rangeSchema.parse(new URL(request.url).searchParams.get('range') ?? '30')
  const env = getEnv()
  return { range, currency: env.CURRENCY, downloadLimit: env.DOWNLOAD_LIMIT, ...(await getSalesOverview(producer.id, range)) }
}

const intentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('reset-downloads'), lineId: z.string().max(100) }),
  z.object({ intent: z.literal('resend-receipt'), lineId: z.string().max(100) }),
])

export async function action({ request }: Route.ActionArgs) {
  const producer = await requireProducer(request)
  const parsed = intentSchema.safeParse(Object.fromEntries(await readForm(request)))
  invariantResponse(parsed.success, 'Unknown or incomplete action.')
  const { intent, lineId } = parsed.data
  try {
    if (intent === 'reset-downloads') {
      await resetDownloadCount(producer.id, lineId)
      return { ok: true as const, message: 'Download count reset: the buyer has their full allowance again.', errors: NO_ERRORS }
    }
    const { email } = await resendReceipt(producer.id, lineId)
    return { ok: true as const, message: `Receipt queued for ${email}.`, errors: NO_ERRORS }
  } catch (error) {
    return formFailure(error, { ok: false as const })
  }
}

export default function Sales({ loaderData, actionData }: Route.ComponentProps) {
  const { range, currency, series, totals, top, lines, downloadLimit } = loaderData
  return (
    <section aria-labelledby="sales-title" className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="sales-title" className="text-2xl font-bold sm:text-3xl">
            Sales
          </h1>
          <p className="mt-1 text-sm text-muted">Licenses sold on your beats. Refunded and disputed lines are marked.</p>
        </div>
        <a href="/studio/sales.csv" className="inline-flex items-center rounded-lg border border-line bg-panel px-4 py-2 text-sm font-medium hover:border-zinc-500" download>
          Export CSV
        </a>
      </div>
      {actionData?.ok ? <FormAlert tone="success">{actionData.message}</FormAlert> : <FormErrorsAlert errors={actionData?.errors} />}
      <nav aria-label="Period" className="flex gap-1">
        {Object.keys(SALES_RANGES).map((r) => (
          <Link
            key={r}
            to={`?range=${r}`}
            aria-current={r === range ? 'page' : undefined}
            className={`rounded-lg px-3 py-1.5 text-sm ${r === range ? 'bg-panel text-white ring-1 ring-line' : 'text-muted hover:text-white'}`}
          >
            {r === '365' ? '1 year' : `${r} days`}
          </Link>
        ))}
      </nav>
      <div className="grid grid-cols-2 gap-3">
        <StatCard label="Revenue" value={formatMoney(totals.revenueCents, currency)} note={`last ${range === '365' ? 'year' : `${range} days`}, net of refunds`} />
        <StatCard label="Licenses sold" value={totals.sales.toLocaleString('en-US')} note="paid lines" />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 rounded-2xl border border-line bg-panel p-5 lg:col-span-2">
          <h2 className="mb-3 font-semibold">Revenue per day</h2>
          <RevenueChart series={series} currency={currency} />
        </div>
        <div className="min-w-0 rounded-2xl border border-line bg-panel p-5">
          <h2 className="mb-3 font-semibold">Top beats</h2>
          {top.length === 0 ? (
            <p className="text-sm text-muted">No sales in this period yet.</p>
          ) : (
            <ol className="space-y-2">
              {top.map((t, i) => (
                <li key={t.beatId} className="flex items-center gap-3 text-sm">
                  <span className="w-5 text-muted tabular-nums">{i + 1}.</span>
                  <span className="min-w-0 flex-1 truncate">{t.title}</span>
                  <span className="tabular-nums text-muted">{t.sales}×</span>
                  <span className="font-medium tabular-nums">{formatMoney(t.revenueCents, currency)}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
      <SalesTable lines={lines} currency={currency} downloadLimit={downloadLimit} />
    </section>
  )
}

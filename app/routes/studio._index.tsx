import { Link } from 'react-router'
import type { Route } from './+types/studio._index'
import { CoverImage } from '~/components/cover-image'
import { buttonClass } from '~/components/studio/fields'
import { StatCard } from '~/components/studio/stat-card'
import { StatusBadge } from '~/components/studio/status-badge'
import { requireProducer } from '~/lib/auth/session.server'
import { formatMoney } from '~/lib/money'
import { getEnv } from '~/lib/env.server'
import { missingForPublish } from '~/lib/studio/publishing'
import { listStudioBeats } from '~/models/studio-beat.server'

export const meta: Route.MetaFunction = () => [{ title: 'Your beats · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  const beats = await listStudioBeats(producer.id)
  return {
    currency: getEnv().CURRENCY,
    beats: beats.map((b) => ({ ...b, ready: missingForPublish(b.fileKinds, [{ tier: 'BASIC', enabled: true }]).length === 0 })),
  }
}

export default function StudioBeats({ loaderData }: Route.ComponentProps) {
  const { beats, currency } = loaderData
  const live = beats.filter((b) => b.status === 'PUBLISHED').length
  const plays = beats.reduce((s, b) => s + b.plays, 0)
  const sales = beats.reduce((s, b) => s + b.sales, 0)
  const revenue = beats.reduce((s, b) => s + b.revenueCents, 0)
  return (
    <section aria-labelledby="beats-title" className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="beats-title" className="text-2xl font-bold sm:text-3xl">
            Your beats
          </h1>
          <p className="mt-1 text-sm text-muted">Drafts stay private until you publish them.</p>
        </div>
        <Link to="/studio/beats/new" className={buttonClass.primary}>
          <span aria-hidden className="text-base leading-none">+</span> New beat
        </Link>
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label="Live beats" value={`${live} / ${beats.length}`} />
        <StatCard label="Plays" value={plays.toLocaleString('en-US')} />
        <StatCard label="Licenses sold" value={sales.toLocaleString('en-US')} />
        <StatCard label="Revenue" value={formatMoney(revenue, currency)} />
      </div>
      {beats.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-line p-10 text-center">
          <p className="text-lg font-semibold">No beats yet</p>
          <p className="mt-1 text-sm text-muted">Create your first beat, upload its files and publish it to the catalog.</p>
          <Link to="/studio/beats/new" className={`${buttonClass.primary} mt-5`}>
            Create a beat
          </Link>
        </div>
      ) : (
        <ul className="divide-y divide-line overflow-hidden rounded-2xl border border-line bg-panel">
          {beats.map((beat) => (
            <li key={beat.id}>
              <Link
                to={`/studio/beats/${beat.id}`}
                className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 px-4 py-3 hover:bg-white/[0.03] sm:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))]"
              >
                <span className="flex min-w-0 items-center gap-3">
                  <CoverImage
                    beatId={beat.id}
                    version={beat.coverVersion === 'none' ? null : beat.coverVersion}
                    sizes="48px"
                    maxWidth={96}
                    className="size-12 shrink-0 rounded-lg bg-ink object-cover ring-1 ring-line"
                  />
                  <span className="min-w-0">
                    <span className="block truncate font-semibold">{beat.title}</span>
                    <span className="block text-xs text-muted">
                      {beat.bpm} BPM · {beat.musicalKey} · {beat.genre}
                    </span>
                  </span>
                </span>
                <span className="justify-self-end sm:justify-self-start">
                  <StatusBadge status={beat.status} />
                </span>
                <span className="text-xs text-muted sm:text-sm sm:text-zinc-200">
                  <span className="sm:hidden">Plays </span>
                  {beat.plays.toLocaleString('en-US')}
                  <span className="hidden text-xs text-muted sm:block">plays</span>
                </span>
                <span className="justify-self-end text-xs text-muted sm:justify-self-start sm:text-sm sm:text-zinc-200">
                  {beat.sales} {beat.sales === 1 ? 'sale' : 'sales'}
                  <span className="hidden text-xs text-muted sm:block">{formatMoney(beat.revenueCents, currency)}</span>
                </span>
                <span className="hidden text-sm sm:block">
                  {beat.minPriceCents !== null ? `from ${formatMoney(beat.minPriceCents, currency)}` : '—'}
                  <span className="block text-xs text-muted">{beat.ready ? 'files ready' : 'files missing'}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

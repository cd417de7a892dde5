import { useMemo } from 'react'
import { Link } from 'react-router'
import { BeatCard } from '~/components/catalog/beat-card'
import { FilterForm } from '~/components/catalog/filter-form'
import { Pagination } from '~/components/catalog/pagination'
import { useClientLinks } from '~/components/catalog/client-links'
import { toTrack } from '~/components/catalog/track'
import { useResultsInView } from '~/components/catalog/use-results-in-view'
import { toCardBeat } from '~/lib/catalog/card'
import { hasFilters, PAGE_SIZE, resultCountLabel } from '~/lib/catalog/params'
import { parseCatalogParams } from '~/lib/catalog/parse'
import { getEnv } from '~/lib/env.server'
import { getCatalogFacets, searchCatalog } from '~/models/beat/catalog.server'
import type { Route } from './+types/_index'

export async function loader({ request }: Route.LoaderArgs) {
  const params = parseCatalogParams(new URL(request.url).searchParams)
  const [result, facets] = await Promise.all([
    searchCatalog({ ...params, pageSize: PAGE_SIZE }),
    getCatalogFacets(),
  ])
  // Only what the cards render goes into the page's hydration data.
  const currency = getEnv().CURRENCY
  return {
    params,
    result: { ...result, beats: result.beats.map((b) => toCardBeat(b, currency)) },
    countLabel: resultCountLabel(result.total, result.totalIsCapped),
    facets,
    currency,
  }
}

export const meta: Route.MetaFunction = ({ data }) => {
  const q = data?.params.q
  const title = q ? `“${q}” · Beats · Beatstall` : 'Beats for sale with clear licenses · Beatstall'
  const description = 'Browse and preview beats by genre, mood, key and BPM. Clear Basic, Trackout and Unlimited licenses, instant downloads.'
  return [
    { title },
    { name: 'description', content: description },
    { property: 'og:title', content: title },
    { property: 'og:description', content: description },
    { property: 'og:type', content: 'website' },
  ]
}

export default function Catalog({ loaderData }: Route.ComponentProps) {
  const { params, result, countLabel, facets, currency } = loaderData
  const onListClick = useClientLinks()
  const resultsRef = useResultsInView<HTMLElement>()
  const tracks = useMemo(() => result.beats.filter((b) => b.hasPreview).map(toTrack), [result.beats])
  const filtered = hasFilters(params)

  return (
    <div className="space-y-8">
      <header className={`relative overflow-hidden rounded-3xl border border-line bg-[radial-gradient(ellipse_at_top_left,rgba(245,184,61,0.18),transparent_55%),radial-gradient(ellipse_at_bottom_right,rgba(124,58,237,0.16),transparent_50%)] px-5 sm:px-10 sm:py-12 ${filtered ? 'py-5' : 'py-8'}`}>
        <p className="text-xs font-bold uppercase tracking-[0.2em] text-accent">Beat store</p>
        <h1 className="mt-2 max-w-2xl text-3xl font-black tracking-tight sm:text-5xl">
          Find your next record.
        </h1>
        {/* Phones: once the buyer is filtering, the pitch gives way to the results. */}
        <p className={`mt-3 max-w-xl text-muted sm:text-lg ${filtered ? 'max-sm:hidden' : ''}`}>
          Preview every beat, pick a license you can actually read, and download the moment you pay.{' '}
          <Link to="/licensing" className="text-zinc-100 underline decoration-accent underline-offset-4">
            How licenses work
          </Link>
        </p>
        <div className={filtered ? 'mt-5 sm:mt-8' : 'mt-8'}>
          <FilterForm params={params} facets={facets} />
        </div>
      </header>

      <section ref={resultsRef} aria-labelledby="results-title" className="scroll-mt-20">
        <div className="mb-4 flex items-baseline justify-between gap-4">
          <h2 id="results-title" className="text-xl font-bold">
            {params.q ? <>Results for “{params.q}”</> : filtered ? 'Filtered beats' : 'Latest beats'}
          </h2>
          <p className="text-sm text-muted" aria-live="polite" data-testid="result-count">
            {countLabel}
          </p>
        </div>

        {result.beats.length ? (
          <ul aria-label="Beats" onClick={onListClick} className="card-grid grid grid-cols-1 gap-4 min-[420px]:grid-cols-2 md:grid-cols-3 lg:grid-cols-4 sm:gap-5">
            {result.beats.map((beat, i) => (
              <BeatCard key={beat.id} beat={beat} track={toTrack(beat)} list={tracks} currency={currency} eager={i < 4} />
            ))}
          </ul>
        ) : (
          <div className="rounded-2xl border border-dashed border-line px-6 py-16 text-center">
            <p className="text-lg font-semibold">No beats match {filtered ? 'these filters' : 'yet'}.</p>
            <p className="mt-2 text-muted">
              {filtered ? 'Try fewer filters or a shorter search.' : 'Producers are cooking. Check back soon.'}
            </p>
            {filtered ? (
              <Link to="/" className="mt-6 inline-block rounded-full bg-accent px-5 py-2 font-semibold text-accent-ink">
                Clear filters
              </Link>
            ) : null}
          </div>
        )}
        <Pagination params={params} pageCount={result.pageCount} />
      </section>
    </div>
  )
}

import { useMemo } from 'react'
import { BeatCard } from '~/components/catalog/beat-card'
import { useClientLinks } from '~/components/catalog/client-links'
import { toTrack } from '~/components/catalog/track'
import { invariantResponse } from '~/lib/http/errors'
import { getEnv } from '~/lib/env.server'
import { searchCatalog } from '~/models/beat/catalog.server'
import { getProducerProfileBySlug } from '~/models/producer.server'
import type { Route } from './+types/producers.$slug'
import { toCardBeat } from '~/lib/catalog/card'

const SHOWN = 96

export async function loader({ params }: Route.LoaderArgs) {
  const producer = await getProducerProfileBySlug(params.slug)
  invariantResponse(producer, 'We could not find that producer.', { status: 404 })
  const result = await searchCatalog({ producerId: producer.id, pageSize: SHOWN })
  const env = getEnv()
  return { producer, beats: result.beats.map((b) => toCardBeat(b, env.CURRENCY)), total: result.total, currency: env.CURRENCY, origin: env.APP_URL }
}

export const meta: Route.MetaFunction = ({ data: d }) => {
  if (!d) return [{ title: 'Producer not found · Beatstall' }]
  const title = `${d.producer.displayName} · Beats on Beatstall`
  const description = d.producer.bio.trim().slice(0, 155) || `Beats by ${d.producer.displayName}, with clear licenses and instant downloads.`
  return [
    { title },
    { name: 'description', content: description },
    { property: 'og:title', content: title },
    { property: 'og:description', content: description },
    { property: 'og:type', content: 'profile' },
    { property: 'og:url', content: `${d.origin}/producers/${d.producer.slug}` },
  ]
}

export default function ProducerPage({ loaderData }: Route.ComponentProps) {
  const { producer, beats, total, currency } = loaderData
  const onListClick = useClientLinks()
  const tracks = useMemo(() => beats.filter((b) => b.hasPreview).map(toTrack), [beats])
  const initials = producer.displayName
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .slice(0, 2)
    .toUpperCase()
  return (
    <div className="space-y-10">
      <header className="flex flex-col gap-6 rounded-3xl border border-line bg-[radial-gradient(ellipse_at_top_left,rgba(245,184,61,0.16),transparent_60%)] p-6 sm:flex-row sm:items-center sm:p-10">
        <div aria-hidden="true" className="grid size-24 shrink-0 place-items-center rounded-full bg-gradient-to-br from-accent to-orange-600 text-3xl font-black text-accent-ink">
          {initials}
        </div>
        <div className="min-w-0">
          <p className="text-xs font-bold uppercase tracking-[0.2em] text-accent">Producer</p>
          <h1 className="mt-1 break-words text-3xl font-black tracking-tight sm:text-5xl">{producer.displayName}</h1>
          {producer.bio ? <p className="mt-3 max-w-2xl whitespace-pre-line text-zinc-300">{producer.bio}</p> : null}
          <p className="mt-3 text-sm text-muted">
            {total} published {total === 1 ? 'beat' : 'beats'} · on Beatstall since{' '}
            {new Date(producer.createdAt).toLocaleDateString('en-US', { month: 'long', year: 'numeric' })}
          </p>
        </div>
      </header>
      <section aria-labelledby="beats-title">
        <h2 id="beats-title" className="mb-4 text-xl font-bold">
          Beats
        </h2>
        {beats.length ? (
          <ul aria-label="Beats" onClick={onListClick} className="card-grid grid grid-cols-1 gap-4 min-[420px]:grid-cols-2 md:grid-cols-3 lg:grid-cols-4 sm:gap-5">
            {beats.map((beat) => (
              <BeatCard key={beat.id} beat={beat} track={toTrack(beat)} list={tracks} currency={currency} showProducer={false} />
            ))}
          </ul>
        ) : (
          <p className="rounded-2xl border border-dashed border-line px-6 py-12 text-center text-muted">No published beats yet.</p>
        )}
        {total > beats.length ? <p className="mt-6 text-sm text-muted">Showing the {SHOWN} newest.</p> : null}
      </section>
    </div>
  )
}

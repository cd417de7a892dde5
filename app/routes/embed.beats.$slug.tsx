import { data } from 'react-router'
import { CoverArt } from '~/components/catalog/cover-art'
import { WaveformBars } from '~/components/player/waveform'
import { beatUrl } from '~/lib/catalog/share'
import { getEnv } from '~/lib/env.server'
import { formatPrice } from '~/lib/money'
import { formatTime, spokenTime } from '~/lib/player/store'
import { getPublishedBeatBySlug } from '~/models/beat/beat.server'
import type { Route } from './+types/embed.beats.$slug'

// GET /embed/beats/:slug: the player a producer pastes into their own site (an <iframe>). The one
// kind of page other sites may frame (app/server/security-headers.ts). It plays the preview only,
// links back to the beat page in a new tab, and has no cart: server-rendered markup driven by
// /embed-player.js (a few KB), without the store's React bundle.

export const handle = { bare: true }

export async function loader({ params }: Route.LoaderArgs) {
  const beat = await getPublishedBeatBySlug(params.slug)
  if (!beat) throw data('That beat is not in the store any more.', { status: 404 })
  const env = getEnv()
  return {
    beat: {
      id: beat.id,
      title: beat.title,
      producerName: beat.producer.displayName,
      hasCover: beat.hasCover,
      hasPreview: beat.hasPreview,
      durationSeconds: (beat.previewDurationMs ?? 0) / 1000,
      peaks: beat.waveformPeaks,
      minPriceCents: beat.minPriceCents,
    },
    link: beatUrl(env.APP_URL, beat.slug),
    currency: env.CURRENCY,
  }
}

export const meta: Route.MetaFunction = ({ data: d }) => [
  { title: d ? `${d.beat.title} by ${d.beat.producerName} · Beatstall player` : 'Beat not found · Beatstall' },
  { name: 'robots', content: 'noindex' },
  ...(d ? [{ tagName: 'link', rel: 'canonical', href: d.link }] : []),
]

export default function EmbedPlayer({ loaderData }: Route.ComponentProps) {
  const { beat, link, currency } = loaderData
  const duration = beat.durationSeconds
  return (
    <div className="flex h-dvh max-h-[152px] min-h-[120px] items-stretch gap-3 overflow-hidden rounded-xl border border-line bg-panel p-3 text-zinc-100" data-embed>
      <a href={link} target="_blank" rel="noopener" className="hidden aspect-square h-full shrink-0 min-[360px]:block" tabIndex={-1} aria-hidden="true">
        <CoverArt beatId={beat.id} hasCover={beat.hasCover} eager className="size-full rounded-lg" />
      </a>
      <div className="flex min-w-0 flex-1 flex-col justify-between gap-1">
        <div className="flex items-center gap-3">
          {beat.hasPreview ? (
            <button type="button" data-embed-play aria-label={`Play ${beat.title} preview`} className="play-btn">
              <span data-icon="play">
                <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" className="size-5">
                  <path d="M8 5.5v13a1 1 0 0 0 1.5.86l10.2-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5Z" />
                </svg>
              </span>
              <span data-icon="pause" hidden>
                <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" className="size-5">
                  <path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" />
                </svg>
              </span>
            </button>
          ) : null}
          <div className="min-w-0">
            <p className="truncate font-bold leading-tight">
              <a href={link} target="_blank" rel="noopener" className="hover:text-accent hover:underline">
                {beat.title}
              </a>
            </p>
            <p className="truncate text-sm text-muted">{beat.producerName}</p>
          </div>
        </div>
        {beat.hasPreview ? (
          <div
            role="slider"
            tabIndex={0}
            aria-label={`Seek ${beat.title} preview`}
            aria-valuemin={0}
            aria-valuemax={Math.max(1, Math.floor(duration))}
            aria-valuenow={0}
            aria-valuetext={`${spokenTime(0)} of ${spokenTime(duration)} (${formatTime(0)})`}
            data-embed-seek
            data-duration={duration}
            className="h-9 cursor-pointer touch-none select-none rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            <WaveformBars peaks={beat.peaks} progress={0} />
          </div>
        ) : (
          <p className="text-sm text-muted">No preview yet.</p>
        )}
        <div className="flex items-center justify-between gap-2 text-xs text-muted">
          <span className="tabular-nums" aria-hidden="true">
            <span data-embed-time>{formatTime(0)}</span> / {formatTime(duration)}
          </span>
          <a href={link} target="_blank" rel="noopener" className="truncate font-semibold text-accent hover:underline">
            {beat.minPriceCents !== null ? `License from ${formatPrice(beat.minPriceCents, currency)}` : 'See it'} on Beatstall
            <span className="sr-only"> (opens in a new tab)</span> ↗
          </a>
        </div>
      </div>
      {beat.hasPreview ? <audio data-embed-audio preload="none" src={`/media/preview/${beat.id}`} /> : null}
      <script src="/embed-player.js" defer />
    </div>
  )
}

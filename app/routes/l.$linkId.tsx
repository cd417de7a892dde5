import { data } from 'react-router'
import type { Route } from './+types/l.$linkId'
import { AddToCartButton } from '~/components/cart/add-to-cart'
import { CoverArt } from '~/components/catalog/cover-art'
import { toTrack } from '~/components/catalog/track'
import { PlayButton } from '~/components/player/play-button'
import { getEnv } from '~/lib/env.server'
import { orResponse } from '~/lib/http/errors'
import { formatPrice } from '~/lib/money'
import { LINK_ID_PATTERN } from '~/lib/private-links/link-state'
import { openPrivateLink } from '~/lib/private-links/private-links.server'
import { LICENSE_TIERS } from '~/lib/tiers'

// GET /l/:linkId — a producer's private sales page. Open: the beats at the link's prices. Expired,
// revoked or used up: 410 with a sentence saying which. Never indexed, never cached.

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow' }

export async function loader({ params }: Route.LoaderArgs) {
  if (!LINK_ID_PATTERN.test(params.linkId))
    throw data('There is no private link at this address. Check it against the message the producer sent you.', { status: 404, headers: PRIVATE_HEADERS })
  const link = await orResponse(openPrivateLink(params.linkId))
  return data({ link, currency: getEnv().CURRENCY }, { headers: PRIVATE_HEADERS })
}

export const headers: Route.HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders

export const meta: Route.MetaFunction = ({ data: d }) => [
  { title: d ? `Private link from ${d.link.producer.displayName} · Beatstall` : 'Private link · Beatstall' },
  { name: 'robots', content: 'noindex, nofollow' },
]

export default function PrivateLinkPage({ loaderData }: Route.ComponentProps) {
  const { link, currency } = loaderData
  const tracks = link.beats.filter((b) => b.hasPreview).map((b) => ({ ...toTrack({ ...b, producerName: link.producer.displayName }), via: link.id }))
  const until = new Date(link.expiresAt).toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short' })
  return (
    <article className="mx-auto max-w-4xl space-y-8">
      <header className="space-y-3 rounded-3xl border border-line bg-panel p-5 sm:p-8">
        <p className="text-xs font-semibold uppercase tracking-widest text-accent">Private link</p>
        <h1 className="text-3xl font-black tracking-tight sm:text-4xl">From {link.producer.displayName}, for you</h1>
        {link.note ? <p className="whitespace-pre-line text-lg leading-relaxed text-zinc-200">{link.note}</p> : null}
        <p className="text-sm text-muted">
          Open until {until}
          {link.remaining !== null ? ` · ${link.remaining} purchase${link.remaining === 1 ? '' : 's'} left` : ''}. Prices here are for
          this link only.
        </p>
      </header>

      <ul className="space-y-6">
        {link.beats.map((beat) => {
          const track = tracks.find((t) => t.beatId === beat.id)
          return (
            <li key={beat.id} className="grid gap-5 rounded-3xl border border-line p-4 sm:grid-cols-[12rem_minmax(0,1fr)] sm:p-6">
              <div className="relative">
                <CoverArt beatId={beat.id} hasCover={beat.hasCover} className="aspect-square w-full rounded-2xl" />
                {track ? (
                  <div className="absolute bottom-3 right-3">
                    <PlayButton track={track} list={tracks} />
                  </div>
                ) : null}
              </div>
              <div className="min-w-0 space-y-4">
                <div>
                  <h2 className="break-words text-2xl font-black">{beat.title}</h2>
                  <p className="text-sm text-muted">
                    {beat.genre} · {beat.mood} · {beat.bpm} BPM · {beat.musicalKey}
                    {beat.published ? null : ' · not released yet'}
                  </p>
                </div>
                <ul className="space-y-2" aria-label={`Licenses for ${beat.title}`}>
                  {beat.options.map((option) => (
                    <li key={option.tier} className="flex flex-wrap items-center gap-3 rounded-2xl border border-line bg-panel px-4 py-3">
                      <div className="mr-auto min-w-0">
                        <p className="font-semibold">{LICENSE_TIERS[option.tier].label}</p>
                        <p className="text-xs text-muted">{LICENSE_TIERS[option.tier].blurb}</p>
                      </div>
                      <p className="tabular-nums">
                        {option.priceCents !== option.listPriceCents ? (
                          <s className="mr-2 text-sm text-muted">{formatPrice(option.listPriceCents, currency)}</s>
                        ) : null}
                        <span className="text-lg font-black">{formatPrice(option.priceCents, currency)}</span>
                      </p>
                      <AddToCartButton beatId={beat.id} tier={option.tier} beatTitle={beat.title} via={link.id} />
                    </li>
                  ))}
                </ul>
              </div>
            </li>
          )
        })}
      </ul>
    </article>
  )
}

import { data, Link } from 'react-router'
import { ShareEmbed } from '~/components/beat/share-embed'
import { SimilarBeats } from '~/components/beat/similar-beats'
import { AddToCartButton, BuyNowButton } from '~/components/cart/add-to-cart'
import { MobileBuyBar } from '~/components/cart/mobile-buy-bar'
import { CoverArt, PAGE_COVER_SIZES } from '~/components/catalog/cover-art'
import { FreeDownloadForm } from '~/components/beat/free-download-form'
import { TierPicker } from '~/components/catalog/tier-picker'
import { toTrack } from '~/components/catalog/track'
import { BeatProgress } from '~/components/player/beat-progress'
import { PlayButton } from '~/components/player/play-button'
import { formatPrice } from '~/lib/money'
import { toCardBeat } from '~/lib/catalog/card'
import { catalogHref } from '~/lib/catalog/params'
import { beatShareMeta, beatUrl, embedSnippet } from '~/lib/catalog/share'
import { getEnv } from '~/lib/env.server'
import { describeTerms, isTierId, LICENSE_TIERS } from '~/lib/tiers'
import { getPublishedBeatBySlug } from '~/models/beat/beat.server'
import { findSimilarBeats } from '~/models/beat/similar.server'
import { getProducerTerms } from '~/models/producer.server'
import { exclusiveOfferNotes } from '~/lib/orders/exclusive-offer.server'
import type { Route } from './+types/beats.$slug'

export async function loader({ params, request }: Route.LoaderArgs) {
  const beat = await getPublishedBeatBySlug(params.slug)
  if (!beat) throw data('That beat is not in the store. It may have been unpublished or the link is mistyped.', { status: 404 })
  const [terms, similar, exclusive] = await Promise.all([
    getProducerTerms(beat.producer.id),
    findSimilarBeats({ ...beat, producerId: beat.producer.id }),
    exclusiveOfferNotes(beat),
  ])
  // A beat sold exclusively is off sale for every tier; its page says so.
  const options = (beat.exclusiveSoldAt ? [] : beat.tiers).map(({ tier, priceCents }) => ({
    tier,
    priceCents,
    label: LICENSE_TIERS[tier].label,
    blurb: LICENSE_TIERS[tier].blurb,
    files: LICENSE_TIERS[tier].files,
    terms: [...describeTerms(terms[tier]), ...(tier === 'EXCLUSIVE' ? exclusive.rights : [])],
    note: tier === 'EXCLUSIVE' ? exclusive.holdNote : null,
  }))
  // An unknown or switched-off tier in the link falls back to the cheapest one on offer.
  const requested = new URL(request.url).searchParams.get('tier')
  const selected = options.find((o) => isTierId(requested) && o.tier === requested)?.tier ?? options[0]?.tier ?? null
  const env = getEnv()
  return { beat, options, selected, similar: similar.map((b) => toCardBeat(b, env.CURRENCY)), currency: env.CURRENCY, origin: env.APP_URL }
}

export const meta: Route.MetaFunction = ({ data: d }) => {
  if (!d) return [{ title: 'Beat not found · Beatstall' }]
  const { beat } = d
  const title = `${beat.title} by ${beat.producer.displayName} · Beatstall`
  const description =
    beat.description.trim().slice(0, 155) ||
    `${beat.genre} beat, ${beat.bpm} BPM in ${beat.musicalKey}. Preview it and license it from ${beat.minPriceCents ? formatPrice(beat.minPriceCents, d.currency) : 'the store'}.`
  const tags = [
    { title },
    { name: 'description', content: description },
    ...beatShareMeta(d.origin, { ...beat, producerName: beat.producer.displayName, description }),
    { tagName: 'link', rel: 'canonical', href: `${d.origin}/beats/${beat.slug}` },
  ]
  return tags
}

export default function BeatPage({ loaderData }: Route.ComponentProps) {
  const { beat, options, selected, similar, currency, origin } = loaderData
  const track = toTrack({ ...beat, producerName: beat.producer.displayName })
  const chosen = options.find((o) => o.tier === selected)
  const facts = [
    ['BPM', String(beat.bpm)],
    ['Key', beat.musicalKey],
    ['Genre', beat.genre],
    ['Mood', beat.mood],
  ] as const

  return (
    <>
    <article className="grid gap-8 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)] lg:gap-12">
      <div className="space-y-5">
        <div className="relative">
          <CoverArt beatId={beat.id} hasCover={beat.hasCover} coverVersion={beat.coverVersion} sizes={PAGE_COVER_SIZES} eager className="aspect-square w-full rounded-3xl shadow-2xl shadow-black/50" />
          {beat.hasPreview ? (
            <div className="absolute bottom-5 right-5">
              <PlayButton track={track} list={[track]} size="lg" />
            </div>
          ) : null}
        </div>
        {beat.hasPreview ? <BeatProgress track={track} peaks={beat.waveformPeaks} /> : <p className="text-sm text-muted">No preview for this beat yet.</p>}
      </div>

      <div className="min-w-0 space-y-8">
        <header>
          <p className="text-sm">
            <Link to={`/producers/${beat.producer.slug}`} className="font-semibold text-accent hover:underline">
              {beat.producer.displayName}
            </Link>
          </p>
          <h1 className="mt-1 break-words text-4xl font-black tracking-tight sm:text-5xl">{beat.title}</h1>
          <dl className="mt-5 grid grid-cols-2 gap-2 sm:grid-cols-4">
            {facts.map(([term, value]) => (
              <div key={term} className="rounded-xl border border-line bg-panel px-3 py-2">
                <dt className="text-[11px] font-semibold uppercase tracking-wide text-muted">{term}</dt>
                <dd className="truncate font-semibold">{value}</dd>
              </div>
            ))}
          </dl>
          {beat.description ? <p className="mt-5 whitespace-pre-line leading-relaxed text-zinc-300">{beat.description}</p> : null}
          {beat.tags.length ? (
            <ul className="mt-4 flex flex-wrap gap-2" aria-label="Tags">
              {beat.tags.map((tag) => (
                <li key={tag}>
                  <Link to={catalogHref({ q: tag })} className="rounded-full bg-white/5 px-3 py-1 text-xs font-medium text-zinc-300 hover:bg-white/10">
                    #{tag}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </header>

        {chosen && selected ? (
          <section aria-label="License" className="space-y-4">
            <TierPicker options={options} selected={selected} currency={currency} />
            <div className="buy-box">
              <p className="mr-auto text-sm">
                <span className="text-muted">{chosen.label} license · </span>
                <span className="text-lg font-black tabular-nums">{formatPrice(chosen.priceCents, currency)}</span>
              </p>
              <AddToCartButton beatId={beat.id} tier={selected} beatTitle={beat.title} />
              <BuyNowButton beatId={beat.id} tier={selected} />
            </div>
            <MobileBuyBar beatId={beat.id} beatTitle={beat.title} options={options} selected={selected} currency={currency} />
            <p className="text-xs text-muted">
              Terms are frozen into your order when you pay.{' '}
              <Link to="/licensing" className="underline underline-offset-2 hover:text-zinc-100">
                Compare licenses
              </Link>
              {' · '}
              <a href={`/beats/${beat.slug}/terms.json`} type="application/json" className="underline underline-offset-2 hover:text-zinc-100">
                Terms and contracts as JSON
              </a>
            </p>
          </section>
        ) : beat.exclusiveSoldAt ? (
          <section aria-labelledby="sold-title" className="rounded-2xl border border-accent/40 bg-accent/[0.07] p-5">
            <h2 id="sold-title" className="text-xl font-black">
              Sold exclusively
            </h2>
            <p className="mt-2 text-sm text-zinc-300">
              {beat.producer.displayName} sold the exclusive rights to this beat, so no licenses are sold any more. Licenses bought
              before the sale stay valid.{' '}
              <Link to={`/producers/${beat.producer.slug}`} className="font-semibold text-accent underline underline-offset-2">
                More beats by {beat.producer.displayName}
              </Link>
            </p>
          </section>
        ) : (
          <p className="rounded-2xl border border-line p-4 text-muted">This beat is not for sale right now.</p>
        )}
        {beat.freeDownload ? <FreeDownloadForm slug={beat.slug} producerName={beat.producer.displayName} /> : null}
        <ShareEmbed link={beatUrl(origin, beat.slug)} snippet={embedSnippet(origin, beat.slug, beat.title)} />
      </div>
    </article>
    <SimilarBeats beats={similar} currency={currency} />
    </>
  )
}

import { AddToCartButton } from '~/components/cart/add-to-cart'
import { PlayButton } from '~/components/player/play-button'
import { formatPrice } from '~/lib/money'
import type { Track } from '~/lib/player/store'
import type { TierId } from '~/lib/tiers'
import { CoverArt } from './cover-art'

export interface CardBeat {
  id: string
  slug: string
  title: string
  bpm: number
  musicalKey: string
  genre: string
  minPriceCents: number | null
  cheapestTier: TierId | null
  producerName: string
  producerSlug: string
  hasCover: boolean
  hasPreview: boolean
}

interface Props {
  beat: CardBeat
  track: Track
  list: Track[]
  currency: string
  /** Hide the producer line on the producer's own page. */
  showProducer?: boolean
  eager?: boolean
}

/** A card; render inside a list that uses useClientLinks() so its plain links navigate client-side. */
export function BeatCard({ beat, track, list, currency, showProducer = true, eager }: Props) {
  return (
    <li className="group relative flex flex-col overflow-hidden rounded-2xl border border-line bg-panel transition hover:border-zinc-600">
      <div className="relative">
        <CoverArt beatId={beat.id} hasCover={beat.hasCover} eager={eager} className="aspect-square w-full" />
        <div className="pointer-events-none absolute inset-0 bg-gradient-to-t from-black/60 via-transparent to-transparent" />
        <span className="absolute left-3 top-3 rounded-full bg-black/60 px-2.5 py-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-200 backdrop-blur">
          {beat.genre}
        </span>
        {beat.hasPreview ? (
          <div className="absolute bottom-3 right-3">
            <PlayButton track={track} list={list} />
          </div>
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-3 p-4">
        <div className="min-w-0">
          <h3 className="truncate text-base font-bold leading-tight">
            <a href={`/beats/${beat.slug}`} className="hover:text-accent">
              {beat.title}
            </a>
          </h3>
          {showProducer ? (
            <p className="mt-0.5 truncate text-sm text-muted">
              <a href={`/producers/${beat.producerSlug}`} className="hover:text-zinc-100">
                {beat.producerName}
              </a>
            </p>
          ) : null}
        </div>
        <p className="flex gap-2 text-xs text-muted">
          <span className="rounded-md border border-line px-2 py-0.5 tabular-nums">{beat.bpm} BPM</span>
          <span className="rounded-md border border-line px-2 py-0.5">{beat.musicalKey}</span>
        </p>
        <div className="mt-auto flex items-center justify-between gap-2">
          <p className="text-sm">
            {beat.minPriceCents !== null ? (
              <>
                <span className="text-muted">from </span>
                <span className="font-bold text-zinc-50">{formatPrice(beat.minPriceCents, currency)}</span>
              </>
            ) : (
              <span className="text-muted">Not for sale</span>
            )}
          </p>
          {beat.cheapestTier ? <AddToCartButton beatId={beat.id} tier={beat.cheapestTier} beatTitle={beat.title} /> : null}
        </div>
      </div>
    </li>
  )
}

import { CardCartControl } from '~/components/cart/card-cart-control'
import { PlayButton } from '~/components/player/play-button'
import type { Track } from '~/lib/player/store'
import type { CardBeatData } from '~/lib/catalog/card'
import { CoverArt } from './cover-art'

/** What a card shows (the catalog loader trims beats to CardBeatData). Without tier prices the
 * card links to the beat page to choose a license. */
type CardBeat = Omit<CardBeatData, 'previewDurationMs' | 'tierPrices'> & Partial<Pick<CardBeatData, 'tierPrices'>>

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
    <li className="beat-card">
      {/* On a phone the card is a row and the cover fills its height. */}
      <div className="beat-card-art">
        <CoverArt beatId={beat.id} hasCover={beat.hasCover} coverVersion={beat.coverVersion} eager={eager} className="aspect-square w-full max-[419px]:aspect-auto max-[419px]:h-full max-[419px]:min-h-32" />
        <span className="genre-badge">{beat.genre}</span>
        {beat.hasPreview ? (
          <div className="beat-card-play">
            <PlayButton track={track} list={list} />
          </div>
        ) : null}
      </div>
      <div className="beat-card-body">
        <div className="min-w-0">
          <h3 className="beat-card-title">
            <a href={`/beats/${beat.slug}`}>{beat.title}</a>
          </h3>
          {showProducer ? (
            <p className="beat-card-producer">
              <a href={`/producers/${beat.producerSlug}`}>{beat.producerName}</a>
            </p>
          ) : null}
        </div>
        <p className="chips">
          <span>{beat.bpm} BPM</span>
          <span>{beat.musicalKey}</span>
          <span className="chip-genre">{beat.genre}</span>
        </p>
        <div className="beat-card-foot">
          <p className="price">
            {beat.priceLabel !== null ? (
              <>
                <span>from </span>
                <b>{beat.priceLabel}</b>
              </>
            ) : (
              <span>Not for sale</span>
            )}
          </p>
          {beat.tierPrices?.length ? (
            <CardCartControl beatId={beat.id} beatTitle={beat.title} tiers={beat.tierPrices} currency={currency} />
          ) : beat.cheapestTier ? (
            <a href={`/beats/${beat.slug}`} className="pill pill-accent" aria-label={`Choose a license for ${beat.title}`}>
              Choose license
            </a>
          ) : null}
        </div>
      </div>
    </li>
  )
}

import { CoverImage } from '~/components/cover-image'

// Hue from the id so beats without a cover still get a distinct, stable tile (.cover in app.css).
function hue(id: string) {
  let h = 0
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 360
  return h
}

/** A catalog card's cover: a 112–128 px row on a phone (cropped to the card's height), then 2, 3 or 4 columns. */
const CARD_COVER_SIZES = '(max-width: 419px) 150px, (max-width: 767px) 50vw, (max-width: 1023px) 33vw, 270px'
/** The beat page's cover: the full width below the two-column layout, then its left column. */
export const PAGE_COVER_SIZES = '(max-width: 1023px) 100vw, 460px'

interface Props {
  beatId: string
  hasCover: boolean
  coverVersion?: string | null
  className?: string
  eager?: boolean
  sizes?: string
}

export function CoverArt({ beatId, hasCover, coverVersion, className = '', eager = false, sizes = CARD_COVER_SIZES }: Props) {
  return (
    <div className={`cover ${className}`} style={{ '--h': hue(beatId) } as React.CSSProperties}>
      {hasCover ? <CoverImage beatId={beatId} version={coverVersion} sizes={sizes} eager={eager} /> : null}
    </div>
  )
}

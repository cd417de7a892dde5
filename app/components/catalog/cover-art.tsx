import { coverUrl } from '~/lib/player/store'

// Hue from the id so beats without a cover still get a distinct, stable tile (.cover in app.css).
function hue(id: string) {
  let h = 0
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 360
  return h
}

interface Props {
  beatId: string
  hasCover: boolean
  className?: string
  eager?: boolean
  sizes?: string
}

export function CoverArt({ beatId, hasCover, className = '', eager = false }: Props) {
  return (
    <div className={`cover ${className}`} style={{ '--h': hue(beatId) } as React.CSSProperties}>
      {hasCover ? <img src={coverUrl(beatId)} alt="" loading={eager ? 'eager' : 'lazy'} decoding="async" /> : null}
    </div>
  )
}

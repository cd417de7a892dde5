import { coverUrl } from '~/lib/player/store'

// Hue from the id so beats without a cover still get a distinct, stable tile.
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
  const h = hue(beatId)
  return (
    <div
      className={`overflow-hidden bg-line ${className}`}
      style={{ backgroundImage: `linear-gradient(135deg, hsl(${h} 55% 32%), hsl(${(h + 60) % 360} 50% 14%))` }}
    >
      {hasCover ? (
        <img
          src={coverUrl(beatId)}
          alt=""
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          className="size-full object-cover"
        />
      ) : null}
    </div>
  )
}

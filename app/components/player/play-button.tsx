import { useCurrentTrack, usePlayer, type Track } from '~/lib/player/store'

interface Props {
  track: Track
  /** The list next/previous walk when playback starts here. */
  list: Track[]
  className?: string
  size?: 'md' | 'lg'
}

/** Play/pause for one beat's preview; it reflects the persistent player's state. */
export function PlayButton({ track, list, className = '', size = 'md' }: Props) {
  const current = useCurrentTrack()
  const playing = usePlayer((s) => s.playing)
  const playFrom = usePlayer((s) => s.playFrom)
  const active = current?.beatId === track.beatId && playing
  // Icon sizes come from .play-btn / .play-btn-lg in app.css; the glyph is the sprite's symbol.
  return (
    <button
      type="button"
      onClick={() => playFrom(track, list)}
      aria-label={`${active ? 'Pause' : 'Play'} ${track.title}`}
      className={`play-btn${size === 'lg' ? ' play-btn-lg' : ''}${className ? ` ${className}` : ''}`}
    >
      <svg className={active ? 'icon-pause' : 'icon-play'} fill="currentColor" aria-hidden="true">
        <use href={active ? '#icon-pause' : '#icon-play'} />
      </svg>
    </button>
  )
}

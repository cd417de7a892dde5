import { useCurrentTrack, usePlayer, type Track } from '~/lib/player/store'
import { PauseIcon, PlayIcon } from './icons'

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
  const isCurrent = current?.beatId === track.beatId
  const active = isCurrent && playing
  const dims = size === 'lg' ? 'size-16' : 'size-11'
  return (
    <button
      type="button"
      onClick={() => playFrom(track, list)}
      aria-label={`${active ? 'Pause' : 'Play'} ${track.title}`}
      className={`grid ${dims} shrink-0 place-items-center rounded-full bg-accent text-accent-ink shadow-lg shadow-black/40 transition hover:scale-105 hover:bg-amber-300 ${className}`}
    >
      {active ? <PauseIcon className={size === 'lg' ? 'size-7' : 'size-5'} /> : <PlayIcon className={size === 'lg' ? 'size-7 translate-x-0.5' : 'size-5 translate-x-px'} />}
    </button>
  )
}

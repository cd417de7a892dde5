import { Link } from 'react-router'
import { CoverImage } from '~/components/cover-image'
import { formatTime, spokenTime, useCurrentTrack, usePlayer } from '~/lib/player/store'
import { NextIcon, PauseIcon, PlayIcon, PrevIcon, VolumeIcon } from './icons'
import { useFixedHeight } from './use-fixed-height'
import { Waveform } from './waveform'

const iconButton =
  'grid size-10 place-items-center rounded-full text-zinc-200 transition hover:bg-white/10 hover:text-white disabled:opacity-30 disabled:hover:bg-transparent'

/**
 * The bottom player's visible controls. Loaded lazily by PlayerBar once a track is chosen, so the
 * catalog's first load does not pay for them; the <audio> element stays in PlayerBar.
 */
export default function PlayerControls() {
  const track = useCurrentTrack()
  const { playing, currentTime, duration, volume, muted, error, queue, index } = usePlayer()
  const { toggle, next, previous, setVolume, toggleMute } = usePlayer.getState()
  // The page pads itself by this height, so the player never covers the footer or the buy bar.
  const barRef = useFixedHeight<HTMLElement>('--player-h')
  if (!track) return null

  return (
    <section
      ref={barRef}
      aria-label="Player"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-line bg-panel/95 shadow-[0_-12px_40px_rgba(0,0,0,0.5)] backdrop-blur"
    >
      <p className="sr-only" aria-live="polite">
        {playing ? `Playing ${track.title} by ${track.producerName}` : `Paused ${track.title}`}
      </p>
      <div className="mx-auto grid max-w-6xl grid-cols-[1fr_auto] items-center gap-x-3 gap-y-1 px-3 pb-[max(0.5rem,env(safe-area-inset-bottom))] pt-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] sm:gap-x-6 sm:px-6 sm:py-3">
        <div className="flex min-w-0 items-center gap-3">
          <div className="size-11 shrink-0 overflow-hidden rounded-md bg-line">
            {track.hasCover ? <CoverImage beatId={track.beatId} version={null} sizes="44px" maxWidth={96} eager className="size-full object-cover" /> : null}
          </div>
          <div className="min-w-0">
            <Link to={`/beats/${track.slug}`} className="block truncate text-sm font-semibold hover:underline">
              {track.title}
            </Link>
            <p className="truncate text-xs text-muted">{error ?? track.producerName}</p>
          </div>
        </div>

        <div className="flex items-center justify-end gap-1 sm:order-none sm:flex-col sm:items-stretch sm:gap-1">
          <div className="flex items-center justify-center gap-1 sm:gap-3">
            <button type="button" className={`${iconButton} hidden sm:grid`} onClick={previous} aria-label="Previous track">
              <PrevIcon />
            </button>
            <button
              type="button"
              onClick={toggle}
              aria-label={playing ? 'Pause' : 'Play'}
              className="grid size-11 place-items-center rounded-full bg-white text-ink transition hover:scale-105"
            >
              {playing ? <PauseIcon /> : <PlayIcon className="size-5 translate-x-px" />}
            </button>
            <button type="button" className={iconButton} onClick={next} disabled={index + 1 >= queue.length} aria-label="Next track">
              <NextIcon />
            </button>
          </div>
          <div className="hidden items-center gap-2 text-xs tabular-nums text-muted sm:flex">
            <span aria-hidden="true" className="w-10 text-right">{formatTime(currentTime)}</span>
            <Waveform track={track} label={`Seek ${track.title}`} className="h-8 flex-1" />
            <span aria-hidden="true" className="w-10">{formatTime(duration)}</span>
          </div>
        </div>

        {/* Phones: full-width seek row under the track. */}
        <div className="col-span-2 flex items-center gap-2 text-[11px] tabular-nums text-muted sm:hidden">
          <span className="w-9 text-right" data-testid="player-elapsed">{formatTime(currentTime)}</span>
          <Waveform track={track} label={`Seek ${track.title}`} className="h-8 flex-1" />
          <span className="w-9">{formatTime(duration)}</span>
        </div>

        <div className="hidden items-center gap-2 sm:flex">
          <button type="button" className={iconButton} onClick={toggleMute} aria-label={muted ? 'Unmute' : 'Mute'} aria-pressed={muted}>
            <VolumeIcon muted={muted || volume === 0} />
          </button>
          <input
            type="range"
            className="range w-24"
            min={0}
            max={100}
            step={5}
            value={muted ? 0 : Math.round(volume * 100)}
            onChange={(e) => setVolume(Number(e.currentTarget.value) / 100)}
            aria-label="Volume"
            aria-valuetext={`${muted ? 0 : Math.round(volume * 100)} percent`}
            style={{ '--fill': `${muted ? 0 : volume * 100}%` } as React.CSSProperties}
          />
        </div>
      </div>
      <p className="sr-only">
        Elapsed {spokenTime(currentTime)} of {spokenTime(duration)}
      </p>
    </section>
  )
}

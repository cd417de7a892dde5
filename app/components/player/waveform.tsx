import { useEffect, useRef, useState } from 'react'
import { formatTime, spokenTime, usePlayer, type Track } from '~/lib/player/store'
import { waveformStep, type SeekKey } from '~/lib/player/waveform-keys'

// The seek bar drawn as the preview's waveform: a slider (role, arrow keys, Home/End, PageUp/Down)
// that seeks by click, drag and keyboard. Peaks come from the page that has them (the beat page) or
// are fetched once per beat and kept for the session.

const FLAT: readonly number[] = Array.from({ length: 64 }, () => 0)
const peakCache = new Map<string, Promise<readonly number[]>>()

/** Lets a page that loaded the peaks hand them over, so the player does not fetch them again. */
function rememberPeaks(beatId: string, peaks: readonly number[]) {
  if (peaks.length) peakCache.set(beatId, Promise.resolve(peaks))
}

function usePeaks(beatId: string, given?: readonly number[]): readonly number[] {
  const [fetched, setFetched] = useState<{ beatId: string; peaks: readonly number[] } | null>(null)
  useEffect(() => {
    if (given?.length) {
      rememberPeaks(beatId, given)
      return
    }
    let live = true
    let request = peakCache.get(beatId)
    if (!request) {
      request = fetch(`/media/waveform/${beatId}`)
        .then((r) => (r.ok ? (r.json() as Promise<{ peaks: number[] }>) : { peaks: [] }))
        .then((d) => d.peaks)
        .catch(() => [])
      peakCache.set(beatId, request)
    }
    void request.then((peaks) => {
      if (live) setFetched({ beatId, peaks })
    })
    return () => {
      live = false
    }
  }, [beatId, given])
  if (given?.length) return given
  return fetched?.beatId === beatId && fetched.peaks.length ? fetched.peaks : FLAT
}

/** The bars alone (also server-rendered by the embed page). `progress` is 0…1. */
export function WaveformBars({ peaks, progress, className = '' }: { peaks: readonly number[]; progress: number; className?: string }) {
  const list = peaks.length ? peaks : FLAT
  const max = Math.max(1, ...list)
  const played = Math.round(progress * list.length)
  return (
    <svg aria-hidden="true" viewBox={`0 0 ${list.length} 100`} preserveAspectRatio="none" className={`block h-full w-full ${className}`}>
      {list.map((p, i) => {
        const h = Math.max(6, Math.round((p / max) * 100))
        return <rect key={i} x={i + 0.15} y={(100 - h) / 2} width={0.7} height={h} className={i < played ? 'fill-accent' : 'fill-[#4a4a5c]'} />
      })}
    </svg>
  )
}

interface Props {
  track: Track
  /** The list the track plays from when the waveform starts it. */
  list?: Track[]
  label: string
  peaks?: readonly number[]
  className?: string
}

export function Waveform({ track, list, label, peaks: given, className = '' }: Props) {
  const peaks = usePeaks(track.beatId, given)
  const isCurrent = usePlayer((s) => s.queue[s.index]?.beatId === track.beatId)
  const currentTime = usePlayer((s) => (isCurrent ? s.currentTime : 0))
  const playerDuration = usePlayer((s) => s.duration)
  const duration = isCurrent && playerDuration > 0 ? playerDuration : (track.durationMs ?? 0) / 1000
  const dragging = useRef(false)

  function seekTo(seconds: number) {
    const state = usePlayer.getState()
    // Seeking a beat that is not playing starts it there, as on any waveform player.
    if (state.queue[state.index]?.beatId !== track.beatId) state.playFrom(track, list ?? [track])
    usePlayer.getState().seek(Math.max(0, Math.min(duration, seconds)))
  }

  function seekToPointer(e: React.PointerEvent<HTMLDivElement>) {
    const box = e.currentTarget.getBoundingClientRect()
    if (box.width <= 0 || duration <= 0) return
    seekTo(((e.clientX - box.left) / box.width) * duration)
  }

  const progress = duration > 0 ? Math.min(1, currentTime / duration) : 0
  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.max(1, Math.floor(duration))}
      aria-valuenow={Math.min(Math.max(1, Math.floor(duration)), Math.round(currentTime))}
      aria-valuetext={`${spokenTime(currentTime)} of ${spokenTime(duration)} (${formatTime(currentTime)})`}
      data-testid="waveform"
      className={`relative cursor-pointer touch-none select-none rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-accent ${className}`}
      onPointerDown={(e) => {
        if (e.button !== 0) return
        dragging.current = true
        e.currentTarget.setPointerCapture(e.pointerId)
        seekToPointer(e)
      }}
      onPointerMove={(e) => {
        if (dragging.current) seekToPointer(e)
      }}
      onPointerUp={(e) => {
        dragging.current = false
        if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId)
      }}
      onPointerCancel={() => {
        dragging.current = false
      }}
      onKeyDown={(e) => {
        const next = waveformStep(e.key as SeekKey, currentTime, duration)
        if (next === null) return
        e.preventDefault()
        seekTo(next)
      }}
    >
      <WaveformBars peaks={peaks} progress={progress} />
    </div>
  )
}

import { formatTime, useCurrentTrack, usePlayer, type Track } from '~/lib/player/store'
import { Waveform } from './waveform'

/** The beat page's waveform and times: seeking it while another beat plays starts this one there. */
export function BeatProgress({ track, peaks }: { track: Track; peaks?: readonly number[] }) {
  const current = useCurrentTrack()
  const currentTime = usePlayer((s) => s.currentTime)
  const duration = usePlayer((s) => s.duration)
  const isCurrent = current?.beatId === track.beatId
  const total = isCurrent ? duration : (track.durationMs ?? 0) / 1000
  return (
    <div className="flex items-center gap-3 text-xs tabular-nums text-muted">
      <span aria-hidden="true" className="w-9 text-right">{formatTime(isCurrent ? currentTime : 0)}</span>
      <Waveform track={track} peaks={peaks} label={`Seek ${track.title} preview`} className="h-12 flex-1" />
      <span aria-hidden="true" className="w-9">{total ? formatTime(total) : '–:––'}</span>
    </div>
  )
}

import { formatTime, useCurrentTrack, usePlayer, type Track } from '~/lib/player/store'
import { SeekSlider } from './seek-slider'

/** The beat page's progress display: live and seekable while this beat is the one playing. */
export function BeatProgress({ track }: { track: Track }) {
  const current = useCurrentTrack()
  const currentTime = usePlayer((s) => s.currentTime)
  const duration = usePlayer((s) => s.duration)
  const isCurrent = current?.beatId === track.beatId
  const total = isCurrent ? duration : (track.durationMs ?? 0) / 1000
  return (
    <div className="flex items-center gap-3 text-xs tabular-nums text-muted">
      <span aria-hidden="true" className="w-9 text-right">{formatTime(isCurrent ? currentTime : 0)}</span>
      {isCurrent ? (
        <SeekSlider label={`Seek ${track.title} preview`} className="flex-1" />
      ) : (
        <div aria-hidden="true" className="h-1 flex-1 rounded-full bg-[#3b3b4a]" />
      )}
      <span aria-hidden="true" className="w-9">{total ? formatTime(total) : '–:––'}</span>
    </div>
  )
}

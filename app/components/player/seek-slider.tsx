import { formatTime, spokenTime, usePlayer } from '~/lib/player/store'

/** The seek bar: a native range (role slider, arrow keys) jumping 5 s per arrow press. */
export function SeekSlider({ label, className = '' }: { label: string; className?: string }) {
  const currentTime = usePlayer((s) => s.currentTime)
  const duration = usePlayer((s) => s.duration)
  const seek = usePlayer((s) => s.seek)
  const pct = duration > 0 ? Math.min(100, (currentTime / duration) * 100) : 0
  return (
    <input
      type="range"
      className={`range ${className}`}
      min={0}
      max={Math.max(1, Math.floor(duration))}
      step={1}
      value={Math.floor(currentTime)}
      onChange={(e) => seek(Number(e.currentTarget.value))}
      onKeyDown={(e) => {
        const delta = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 5 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -5 : 0
        if (!delta) return
        e.preventDefault()
        seek(currentTime + delta)
      }}
      aria-label={label}
      aria-valuetext={`${spokenTime(currentTime)} of ${spokenTime(duration)} (${formatTime(currentTime)})`}
      style={{ '--fill': `${pct}%` } as React.CSSProperties}
    />
  )
}

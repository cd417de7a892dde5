// Small icons (no icon library in the bundle). Icons that repeat on every catalog card are drawn
// once in <IconSprite /> (root layout) and referenced with <use>, so each card ships a few bytes.
type P = { className?: string }
const base = (className = 'size-5') => ({ className, viewBox: '0 0 24 24', fill: 'currentColor', 'aria-hidden': true })

const PLAY = 'M8 5.14v13.72a1 1 0 0 0 1.5.86l11-6.86a1 1 0 0 0 0-1.72l-11-6.86A1 1 0 0 0 8 5.14Z'
const NEXT = 'M5.5 5.8v12.4a.8.8 0 0 0 1.24.67l9.2-6.2a.8.8 0 0 0 0-1.33l-9.2-6.2a.8.8 0 0 0-1.24.66Z'

/** The one hidden symbol sheet; render it once per document. */
export function IconSprite() {
  return (
    <svg aria-hidden="true" width="0" height="0" style={{ position: 'absolute' }}>
      <symbol id="icon-play" viewBox="0 0 24 24">
        <path d={PLAY} />
      </symbol>
      <symbol id="icon-pause" viewBox="0 0 24 24">
        <rect x="6" y="4.5" width="4" height="15" rx="1" />
        <rect x="14" y="4.5" width="4" height="15" rx="1" />
      </symbol>
      <symbol id="icon-next" viewBox="0 0 24 24">
        <path d={NEXT} />
        <rect x="16.5" y="5" width="2.5" height="14" rx="1" />
      </symbol>
      <symbol id="icon-check" viewBox="0 0 20 20">
        <path d="M7.6 13.4 4.2 10l-1.2 1.2 4.6 4.6 9.8-9.8-1.2-1.2z" />
      </symbol>
    </svg>
  )
}

const use = (id: string, className?: string, style?: React.CSSProperties) => (
  <svg className={className} fill="currentColor" aria-hidden="true" style={style}>
    <use href={`#icon-${id}`} />
  </svg>
)

export const PlayIcon = ({ className = 'size-5' }: P) => use('play', className)
export const PauseIcon = ({ className = 'size-5' }: P) => use('pause', className)
export const NextIcon = ({ className = 'size-5' }: P) => use('next', className)
export const PrevIcon = ({ className = 'size-5' }: P) => use('next', className, { transform: 'scaleX(-1)' })
export const CheckIcon = ({ className = 'size-4' }: P) => use('check', className)

export const VolumeIcon = ({ className, muted }: P & { muted: boolean }) => (
  <svg {...base(className)}>
    <path d="M4 9.5v5a1 1 0 0 0 1 1h3l4.4 3.7a1 1 0 0 0 1.6-.8V5.6a1 1 0 0 0-1.6-.8L8 8.5H5a1 1 0 0 0-1 1Z" />
    {muted ? (
      <path d="m16.5 9.5 5 5m0-5-5 5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
    ) : (
      <path d="M16.5 8.5a5 5 0 0 1 0 7m2.5-10a9 9 0 0 1 0 13" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
    )}
  </svg>
)

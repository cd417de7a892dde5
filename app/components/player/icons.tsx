// Small inline icons for the player (no icon library in the bundle).
type P = { className?: string }
const base = (className = 'size-5') => ({ className, viewBox: '0 0 24 24', fill: 'currentColor', 'aria-hidden': true })

export const PlayIcon = ({ className }: P) => (
  <svg {...base(className)}>
    <path d="M8 5.14v13.72a1 1 0 0 0 1.5.86l11-6.86a1 1 0 0 0 0-1.72l-11-6.86A1 1 0 0 0 8 5.14Z" />
  </svg>
)
export const PauseIcon = ({ className }: P) => (
  <svg {...base(className)}>
    <rect x="6" y="4.5" width="4" height="15" rx="1" />
    <rect x="14" y="4.5" width="4" height="15" rx="1" />
  </svg>
)
export const NextIcon = ({ className }: P) => (
  <svg {...base(className)}>
    <path d="M5.5 5.8v12.4a.8.8 0 0 0 1.24.67l9.2-6.2a.8.8 0 0 0 0-1.33l-9.2-6.2a.8.8 0 0 0-1.24.66Z" />
    <rect x="16.5" y="5" width="2.5" height="14" rx="1" />
  </svg>
)
export const PrevIcon = ({ className }: P) => (
  <svg {...base(className)} style={{ transform: 'scaleX(-1)' }}>
    <path d="M5.5 5.8v12.4a.8.8 0 0 0 1.24.67l9.2-6.2a.8.8 0 0 0 0-1.33l-9.2-6.2a.8.8 0 0 0-1.24.66Z" />
    <rect x="16.5" y="5" width="2.5" height="14" rx="1" />
  </svg>
)
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

// Keyboard seeking on a waveform slider, shared by the React waveform and the embed's small script
// (which carries its own copy of these numbers: it loads no bundle).

const ARROW_STEP_SECONDS = 5
const PAGE_STEP_SECONDS = 30

export type SeekKey = 'ArrowRight' | 'ArrowUp' | 'ArrowLeft' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End'

/** Where a key press moves the playhead, or null for a key the slider does not use. */
export function waveformStep(key: string, current: number, duration: number): number | null {
  const clamp = (t: number) => Math.max(0, Math.min(duration, t))
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(current + ARROW_STEP_SECONDS)
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(current - ARROW_STEP_SECONDS)
    case 'PageUp':
      return clamp(current + PAGE_STEP_SECONDS)
    case 'PageDown':
      return clamp(current - PAGE_STEP_SECONDS)
    case 'Home':
      return 0
    case 'End':
      return duration
    default:
      return null
  }
}

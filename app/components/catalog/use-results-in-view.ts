import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'

/** Where the filters and the results no longer fit one screen together (the Tailwind `sm` step). */
const NARROW = '(max-width: 639px)'

/**
 * After a filter change on a phone the hero and the open filter panel fill the screen, so the new
 * results would be out of sight: scroll them into view. Wider screens keep their scroll position
 * (filters and results are both on screen there).
 */
export function useResultsInView<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  const location = useLocation()
  const requested = (location.state as { showResults?: boolean } | null)?.showResults === true
  useEffect(() => {
    if (!requested || !window.matchMedia(NARROW).matches) return
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches
    ref.current?.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' })
  }, [location.key, requested])
  return ref
}

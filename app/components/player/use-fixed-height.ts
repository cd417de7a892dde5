import { useEffect, useRef } from 'react'

/**
 * Publishes a fixed bar's height as a CSS variable on <html> (0px once it is gone), so the page
 * can pad itself and other fixed bars can stack above it instead of being covered.
 */
export function useFixedHeight<T extends HTMLElement>(variable: `--${string}`) {
  const ref = useRef<T>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const root = document.documentElement
    const update = () => root.style.setProperty(variable, `${Math.ceil(el.getBoundingClientRect().height)}px`)
    update()
    const observer = new ResizeObserver(update)
    observer.observe(el)
    return () => {
      observer.disconnect()
      root.style.setProperty(variable, '0px')
    }
  }, [variable])
  return ref
}

import { lazy, Suspense, useEffect } from 'react'
import { attachAudio, usePlayer } from '~/lib/player/store'

// The visible controls are a separate chunk, fetched when the first track is chosen.
const PlayerControls = lazy(() => import('./player-controls'))

/**
 * The fixed bottom player. It is rendered by the root layout outside the route Outlet, so its
 * <audio> element (and the music) survives client-side navigation.
 */
export function PlayerBar() {
  const hasTrack = usePlayer((s) => s.queue[s.index] !== undefined)

  // Space toggles playback when focus is not on something that uses the key itself.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.code !== 'Space' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
      const target = e.target as HTMLElement | null
      if (target && target !== document.body && target.closest('input, textarea, select, button, a, [contenteditable], [role="slider"], [role="radio"]')) return
      if (!usePlayer.getState().queue.length) return
      e.preventDefault()
      usePlayer.getState().toggle()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <>
      <audio ref={attachAudio} preload="none" />
      {hasTrack ? (
        <Suspense fallback={null}>
          <PlayerControls />
        </Suspense>
      ) : null}
    </>
  )
}

import { create } from 'zustand'

// The persistent preview player: client-only state. The one <audio> element lives in the root
// layout's PlayerBar (outside the route Outlet), so playback survives client-side navigation.
// The element registers itself here; actions drive it directly and its events feed the state.

export interface Track {
  beatId: string
  slug: string
  title: string
  producerName: string
  hasCover: boolean
  /** From the stored preview file; the element's own duration wins once metadata loads. */
  durationMs: number | null
  /** Played from a private link: the preview of an unpublished beat is served through it. */
  via?: string
}

const previewUrl = (track: Track) => `/media/preview/${track.beatId}${track.via ? `?via=${track.via}` : ''}`

interface PlayerState {
  /** The list the current track was started from (next/previous walk it). */
  queue: Track[]
  index: number
  playing: boolean
  currentTime: number
  duration: number
  volume: number
  muted: boolean
  error: string | null
}

interface PlayerActions {
  /** Plays `track` from `list`; toggles pause when it is already the current track. */
  playFrom: (track: Track, list: Track[]) => void
  toggle: () => void
  next: () => void
  previous: () => void
  seek: (seconds: number) => void
  setVolume: (volume: number) => void
  toggleMute: () => void
}

let audio: HTMLAudioElement | null = null

const initial: PlayerState = {
  queue: [],
  index: -1,
  playing: false,
  currentTime: 0,
  duration: 0,
  volume: 0.8,
  muted: false,
  error: null,
}

export const usePlayer = create<PlayerState & PlayerActions>()((set, get) => {
  function load(queue: Track[], index: number) {
    const track = queue[index]
    if (!track) return
    set({
      queue,
      index,
      currentTime: 0,
      duration: track.durationMs ? track.durationMs / 1000 : 0,
      error: null,
      playing: true,
    })
    if (audio) {
      audio.src = previewUrl(track)
      start()
    }
  }

  function start() {
    if (!audio) return
    set({ playing: true, error: null })
    audio.play().catch((error: unknown) => {
      // A newer load() interrupting this play() is normal; anything else means we are not playing.
      if (error instanceof DOMException && error.name === 'AbortError') return
      set({ playing: false, error: error instanceof DOMException && error.name === 'NotAllowedError' ? null : 'Could not play this preview.' })
    })
  }

  return {
    ...initial,
    playFrom(track, list) {
      const { queue, index } = get()
      if (queue[index]?.beatId === track.beatId) {
        get().toggle()
        return
      }
      const i = list.findIndex((t) => t.beatId === track.beatId)
      if (i === -1) load([track], 0)
      else load(list, i)
    },
    toggle() {
      const { queue, index, playing } = get()
      if (!queue[index] || !audio) return
      if (playing) {
        audio.pause()
        set({ playing: false })
      } else {
        start()
      }
    },
    next() {
      const { queue, index } = get()
      if (index + 1 < queue.length) load(queue, index + 1)
    },
    previous() {
      const { queue, index } = get()
      // Like every music player: a few seconds in, "previous" restarts the track.
      if (audio && audio.currentTime > 3) {
        get().seek(0)
        return
      }
      if (index > 0) load(queue, index - 1)
      else get().seek(0)
    },
    seek(seconds) {
      if (!audio) return
      const max = Number.isFinite(audio.duration) ? audio.duration : get().duration
      const t = Math.max(0, Math.min(max || 0, seconds))
      audio.currentTime = t
      set({ currentTime: t })
    },
    setVolume(volume) {
      const v = Math.max(0, Math.min(1, volume))
      if (audio) {
        audio.volume = v
        audio.muted = false
      }
      set({ volume: v, muted: false })
    },
    toggleMute() {
      const muted = !get().muted
      if (audio) audio.muted = muted
      set({ muted })
    },
  }
})

/** Called by the PlayerBar's <audio> ref; wires element events into the store. */
export function attachAudio(el: HTMLAudioElement | null) {
  if (audio === el) return
  audio = el
  if (!el) return
  const { volume, muted } = usePlayer.getState()
  el.volume = volume
  el.muted = muted
  el.addEventListener('timeupdate', () => usePlayer.setState({ currentTime: el.currentTime }))
  el.addEventListener('durationchange', () => {
    if (Number.isFinite(el.duration) && el.duration > 0) usePlayer.setState({ duration: el.duration })
  })
  el.addEventListener('play', () => usePlayer.setState({ playing: true }))
  el.addEventListener('pause', () => usePlayer.setState({ playing: false }))
  el.addEventListener('ended', () => {
    const { queue, index } = usePlayer.getState()
    if (index + 1 < queue.length) usePlayer.getState().next()
    else usePlayer.setState({ playing: false })
  })
  el.addEventListener('error', () => {
    if (el.getAttribute('src')) usePlayer.setState({ playing: false, error: 'This preview could not be loaded.' })
  })
}

export function useCurrentTrack(): Track | undefined {
  return usePlayer((s) => s.queue[s.index])
}

/** "1:05" */
export function formatTime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) seconds = 0
  const s = Math.floor(seconds)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** "1 minute 5 seconds" for screen readers. */
export function spokenTime(seconds: number): string {
  const s = Math.floor(Number.isFinite(seconds) && seconds > 0 ? seconds : 0)
  const m = Math.floor(s / 60)
  const r = s % 60
  const parts = []
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`)
  parts.push(`${r} second${r === 1 ? '' : 's'}`)
  return parts.join(' ')
}

import { create } from 'zustand'

// One polite live region for cart changes (rendered once by the root layout): a screen reader
// hears "Added … to your cart" wherever the change was made, and sighted buyers see it briefly.

/** How long a message stays on screen (a screen reader has read it by then). */
const SHOWN_MS = 4000

interface Announcement {
  message: string
  /** Bumps on every call, so the same sentence twice is announced twice. */
  id: number
}

export const useAnnouncement = create<Announcement>(() => ({ message: '', id: 0 }))

let hideTimer: ReturnType<typeof setTimeout> | undefined

export function announce(message: string) {
  useAnnouncement.setState((s) => ({ message, id: s.id + 1 }))
  clearTimeout(hideTimer)
  hideTimer = setTimeout(() => useAnnouncement.setState({ message: '' }), SHOWN_MS)
}

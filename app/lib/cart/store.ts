import { useSyncExternalStore } from 'react'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { TierId } from '~/lib/tiers'
import { isCartLine, MAX_CART_LINES, type CartLine } from './lines'

// The cart: one line per beat (beat id + tier, nothing else — prices come from the server),
// persisted to localStorage. Hydration is manual (after mount) so the server render and the first
// client render agree; other tabs' changes arrive through the `storage` event.

const CART_STORAGE_KEY = 'beatstall-cart'

type AddResult = 'added' | 'changed' | 'unchanged' | 'full'

interface CartState {
  lines: CartLine[]
  add: (line: CartLine) => AddResult
  setTier: (beatId: string, tier: TierId) => void
  remove: (beatId: string) => void
  /** Lines the server refused (unpublished beat, tier switched off), with the reason to show. */
  drop: (dropped: { beatId: string; message: string }[]) => void
  /** Reasons for dropped lines, shown on the cart page (not persisted). */
  notices: string[]
  clear: () => void
}

function sanitize(value: unknown): CartLine[] {
  if (!Array.isArray(value)) return []
  const seen = new Set<string>()
  const lines: CartLine[] = []
  for (const raw of value) {
    if (!isCartLine(raw) || seen.has(raw.beatId)) continue
    seen.add(raw.beatId)
    lines.push(raw.via ? { beatId: raw.beatId, tier: raw.tier, via: raw.via } : { beatId: raw.beatId, tier: raw.tier })
  }
  return lines.slice(0, MAX_CART_LINES)
}

export const useCart = create<CartState>()(
  persist(
    (set, get) => ({
      lines: [],
      add(line) {
        const lines = get().lines
        const existing = lines.find((l) => l.beatId === line.beatId)
        if (existing?.tier === line.tier && existing.via === line.via) return 'unchanged'
        const fresh: CartLine = line.via ? { beatId: line.beatId, tier: line.tier, via: line.via } : { beatId: line.beatId, tier: line.tier }
        if (existing) {
          set({ lines: lines.map((l) => (l.beatId === line.beatId ? fresh : l)) })
          return 'changed'
        }
        if (lines.length >= MAX_CART_LINES) return 'full'
        set({ lines: [...lines, fresh] })
        return 'added'
      },
      setTier: (beatId, tier) => set({ lines: get().lines.map((l) => (l.beatId === beatId ? { ...l, tier } : l)) }),
      remove: (beatId) => set({ lines: get().lines.filter((l) => l.beatId !== beatId) }),
      notices: [],
      drop: (dropped) =>
        set({
          lines: get().lines.filter((l) => !dropped.some((d) => d.beatId === l.beatId)),
          notices: [...get().notices, ...dropped.map((d) => d.message)],
        }),
      clear: () => set({ lines: [], notices: [] }),
    }),
    {
      name: CART_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      skipHydration: true,
      partialize: (state) => ({ lines: state.lines }),
      // Whatever is in localStorage is untrusted: keep only well-formed, unique lines.
      merge: (persisted, current) => ({ ...current, lines: sanitize((persisted as { lines?: unknown } | null)?.lines) }),
    },
  ),
)

let listening = false

/** Loads the cart from localStorage once, and follows changes made in other tabs. */
function startCartSync() {
  if (listening || typeof window === 'undefined') return
  listening = true
  void useCart.persist.rehydrate()
  window.addEventListener('storage', (event) => {
    if (event.key === CART_STORAGE_KEY || event.key === null) void useCart.persist.rehydrate()
  })
}

function subscribeHydration(onChange: () => void) {
  startCartSync()
  return useCart.persist.onFinishHydration(onChange)
}

/** False during SSR and the hydration render; true once the saved cart is loaded. */
export function useCartReady(): boolean {
  return useSyncExternalStore(
    subscribeHydration,
    () => useCart.persist.hasHydrated(),
    () => false,
  )
}

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
  /**
   * After a paid order: removes exactly the lines that were bought (same beat and tier), once per
   * order. Returns how many lines left the cart (0 when this order was already settled).
   */
  settleOrder: (orderId: string, bought: CartLine[]) => number
  /** Orders already settled against this cart, newest last (persisted, capped). */
  settled: string[]
}

function sanitize(value: unknown): CartLine[] {
  if (!Array.isArray(value)) return []
  const seen = new Set<string>()
  const lines: CartLine[] = []
  for (const raw of value) {
    if (!isCartLine(raw) || seen.has(raw.beatId)) continue
    seen.add(raw.beatId)
    lines.push({ beatId: raw.beatId, tier: raw.tier, ...(raw.upgrade ? { upgrade: raw.upgrade } : {}), ...(raw.via ? { via: raw.via } : {}) })
  }
  return lines.slice(0, MAX_CART_LINES)
}

/** How many settled order ids the cart remembers (enough for any open success page). */
const MAX_SETTLED = 50

function sanitizeSettled(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.filter((v): v is string => typeof v === 'string' && v.length <= 64).slice(-MAX_SETTLED)
}

/**
 * The cart without the bought lines. A line goes only if it holds the same beat at the same tier:
 * the same beat at another tier is a different license the buyer still means to buy.
 */
function removeBought(lines: CartLine[], bought: CartLine[]): CartLine[] {
  return lines.filter((l) => !bought.some((b) => b.beatId === l.beatId && b.tier === l.tier))
}

export const useCart = create<CartState>()(
  persist(
    (set, get) => ({
      lines: [],
      add(line) {
        const lines = get().lines
        const existing = lines.find((l) => l.beatId === line.beatId)
        if (existing?.tier === line.tier && existing.upgrade?.itemId === line.upgrade?.itemId && existing.via === line.via) return 'unchanged'
        // An upgrade or a private link's line replaces the beat's line whole (proof, link); a plain
        // tier change keeps it.
        if (existing) {
          set({ lines: lines.map((l) => (l.beatId === line.beatId ? (line.upgrade || line.via ? line : { ...l, tier: line.tier }) : l)) })
          return 'changed'
        }
        if (lines.length >= MAX_CART_LINES) return 'full'
        set({ lines: [...lines, { beatId: line.beatId, tier: line.tier, ...(line.upgrade ? { upgrade: line.upgrade } : {}), ...(line.via ? { via: line.via } : {}) }] })
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
      settled: [],
      settleOrder(orderId, bought) {
        const { lines, settled } = get()
        if (settled.includes(orderId)) return 0
        const kept = removeBought(lines, bought)
        set({ lines: kept, settled: [...settled, orderId].slice(-MAX_SETTLED) })
        return lines.length - kept.length
      },
    }),
    {
      name: CART_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      skipHydration: true,
      partialize: (state) => ({ lines: state.lines, settled: state.settled }),
      // Whatever is in localStorage is untrusted: keep only well-formed, unique lines.
      merge: (persisted, current) => {
        const saved = persisted as { lines?: unknown; settled?: unknown } | null
        return { ...current, lines: sanitize(saved?.lines), settled: sanitizeSettled(saved?.settled) }
      },
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

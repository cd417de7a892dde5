import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CartLine } from './lines'

// Two browser tabs = two copies of the store module sharing one localStorage (as tabs of one
// origin do); a tab follows the other through rehydrate(), which is what its storage-event
// listener calls.

class MemoryStorage {
  private items = new Map<string, string>()
  getItem = (key: string) => this.items.get(key) ?? null
  setItem = (key: string, value: string) => void this.items.set(key, value)
  removeItem = (key: string) => void this.items.delete(key)
}

const A = '11111111-1111-4111-8111-111111111111'
const B = '22222222-2222-4222-8222-222222222222'
const C = '33333333-3333-4333-8333-333333333333'
const D = '44444444-4444-4444-8444-444444444444'
const line = (beatId: string, tier: CartLine['tier'] = 'BASIC'): CartLine => ({ beatId, tier })

async function openTab() {
  vi.resetModules()
  const { useCart } = await import('./store')
  await useCart.persist.rehydrate()
  return useCart
}

describe('cart after a payment', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', new MemoryStorage())
  })

  it('"Buy now" on a beat that is not in the cart leaves every line alone', async () => {
    const tab = await openTab()
    for (const id of [A, B, C]) tab.getState().add(line(id))
    expect(tab.getState().settleOrder('order-1', [line(D, 'TRACKOUT')])).toBe(0)
    expect(tab.getState().lines).toEqual([line(A), line(B), line(C)])
  })

  it('removes exactly the bought lines (same beat and tier), keeping the same beat at another tier', async () => {
    const tab = await openTab()
    tab.getState().add(line(A))
    tab.getState().add(line(B, 'UNLIMITED'))
    tab.getState().add(line(C))
    const removed = tab.getState().settleOrder('order-1', [line(A), line(B, 'BASIC'), line(D)])
    expect(removed).toBe(1)
    expect(tab.getState().lines).toEqual([line(B, 'UNLIMITED'), line(C)])
  })

  it('reopening an old success page removes nothing, even a line added again since', async () => {
    const tab = await openTab()
    tab.getState().add(line(A))
    tab.getState().add(line(B))
    tab.getState().settleOrder('order-1', [line(A)])
    tab.getState().add(line(A))
    expect(tab.getState().settleOrder('order-1', [line(A)])).toBe(0)
    expect(tab.getState().lines).toEqual([line(B), line(A)])
    // Also after a reload (a fresh tab reads the settled orders from storage).
    const reloaded = await openTab()
    expect(reloaded.getState().settleOrder('order-1', [line(A)])).toBe(0)
    expect(reloaded.getState().lines).toEqual([line(B), line(A)])
  })

  it('another open tab drops only the bought lines', async () => {
    const shop = await openTab()
    for (const id of [A, B, C]) shop.getState().add(line(id))
    const success = await openTab()
    const other = await openTab()
    expect(other.getState().lines).toHaveLength(3)
    success.getState().settleOrder('order-1', [line(B)])
    await other.persist.rehydrate()
    await shop.persist.rehydrate()
    expect(other.getState().lines).toEqual([line(A), line(C)])
    expect(shop.getState().lines).toEqual([line(A), line(C)])
  })

  it('keeps a bounded, well-formed list of settled orders from untrusted storage', async () => {
    localStorage.setItem(
      'beatstall-cart',
      JSON.stringify({ state: { lines: [line(A)], settled: ['order-1', 42, 'x'.repeat(500), ...Array.from({ length: 80 }, (_, i) => `o${i}`)] }, version: 1 }),
    )
    const tab = await openTab()
    const settled = tab.getState().settled
    expect(settled).toHaveLength(50)
    expect(settled.every((s) => typeof s === 'string' && s.length <= 64)).toBe(true)
    expect(settled.at(-1)).toBe('o79')
  })
})

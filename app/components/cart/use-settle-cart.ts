import { useEffect } from 'react'
import { announce } from '~/lib/cart/announcer'
import { useCart, useCartReady } from '~/lib/cart/store'
import type { TierId } from '~/lib/tiers'

interface PaidOrder {
  id: string
  items: { beatId: string; tier: TierId }[]
}

/**
 * Takes a paid order's lines out of this browser's cart, once the saved cart is loaded (settling
 * before that would save over it). Other tabs pick the result up through the storage event.
 */
export function useSettleCart(order: PaidOrder | null) {
  const ready = useCartReady()
  const settleOrder = useCart((s) => s.settleOrder)
  const orderId = order?.id
  const items = order?.items
  useEffect(() => {
    if (!ready || !orderId || !items) return
    const removed = settleOrder(
      orderId,
      items.map((i) => ({ beatId: i.beatId, tier: i.tier })),
    )
    if (removed) announce(`${removed === 1 ? 'The beat you bought was' : `The ${removed} beats you bought were`} taken out of your cart.`)
  }, [ready, orderId, items, settleOrder])
}

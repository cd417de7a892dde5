import { useEffect, useState } from 'react'
import { Link, useFetcher } from 'react-router'
import type { CheckoutProblem } from '~/routes/checkout'
import { MAX_CART_LINES } from '~/lib/cart/lines'
import { useCart, useCartReady } from '~/lib/cart/store'
import { LICENSE_TIERS, type TierId } from '~/lib/tiers'

const base =
  'inline-flex items-center justify-center gap-1.5 rounded-full px-4 py-2 text-sm font-semibold transition focus-visible:outline-2 disabled:opacity-60'

/** Adds the beat at this tier (or switches the tier of its line); says so briefly. */
export function AddToCartButton({ beatId, tier, beatTitle }: { beatId: string; tier: TierId; beatTitle: string }) {
  const ready = useCartReady()
  const line = useCart((s) => s.lines.find((l) => l.beatId === beatId))
  const add = useCart((s) => s.add)
  const [notice, setNotice] = useState('')
  useEffect(() => {
    if (!notice) return
    const t = setTimeout(() => setNotice(''), 3500)
    return () => clearTimeout(t)
  }, [notice])

  const inCart = ready && line?.tier === tier
  const otherTier = ready && line && line.tier !== tier ? line.tier : null
  const label = LICENSE_TIERS[tier].label

  return (
    <span className="relative inline-flex">
      {inCart ? (
        <Link
          to="/cart"
          className={`${base} relative border border-accent/60 text-accent hover:bg-accent/10`}
          aria-label={`${beatTitle} (${label}) is in your cart — view cart`}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M7.6 13.4 4.2 10l-1.2 1.2 4.6 4.6 9.8-9.8-1.2-1.2z" />
          </svg>
          In cart
        </Link>
      ) : (
        <button
          type="button"
          className={`${base} relative bg-accent text-accent-ink hover:brightness-110`}
          aria-label={otherTier ? `Switch ${beatTitle} to the ${label} license in your cart` : `Add ${beatTitle} (${label}) to cart`}
          onClick={() => {
            const result = add({ beatId, tier })
            setNotice(
              result === 'full'
                ? `Your cart is full (${MAX_CART_LINES} beats per checkout).`
                : result === 'changed'
                  ? `Switched “${beatTitle}” to ${label}.`
                  : `Added “${beatTitle}” (${label}) to your cart.`,
            )
          }}
        >
          {otherTier ? `Switch to ${label}` : 'Add to cart'}
        </button>
      )}
      <span
        role="status"
        className={`pointer-events-none absolute bottom-full right-0 z-20 mb-2 w-56 rounded-xl border border-line bg-panel px-3 py-2 text-xs text-zinc-100 shadow-xl transition-opacity ${notice ? 'opacity-100' : 'opacity-0'}`}
      >
        {notice}
      </span>
    </span>
  )
}

/** One-line checkout through the same action as the cart. */
export function BuyNowButton({ beatId, tier }: { beatId: string; tier: TierId }) {
  const fetcher = useFetcher<{ problem: CheckoutProblem }>()
  const busy = fetcher.state !== 'idle'
  const problem = fetcher.data?.problem
  return (
    <fetcher.Form method="post" action="/checkout" className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="lines" value={JSON.stringify([{ beatId, tier }])} />
      <button type="submit" disabled={busy} className={`${base} border border-zinc-500 text-zinc-100 hover:border-zinc-300`}>
        {busy ? 'Starting checkout…' : 'Buy now'}
      </button>
      {problem ? (
        <p role="alert" className="max-w-64 text-right text-xs text-red-300">
          {problem.lines[0]?.message ?? problem.message}
        </p>
      ) : null}
    </fetcher.Form>
  )
}

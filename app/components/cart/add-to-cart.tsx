import { useEffect, useState } from 'react'
import { Link, useFetcher } from 'react-router'
import type { CheckoutAnswer } from '~/routes/checkout'
import { MAX_CART_LINES } from '~/lib/cart/lines'
import { useCart, useCartReady } from '~/lib/cart/store'
import { LICENSE_TIERS, type TierId } from '~/lib/tiers'
import { CheckIcon } from '~/components/player/icons'

// Button looks are .pill / .pill-accent / .pill-in-cart / .cart-toast in app.css (repeated per catalog card).
const base = 'pill'

/** Adds the beat at this tier (or switches the tier of its line); says so briefly. */
export function AddToCartButton({ beatId, tier, beatTitle, via }: { beatId: string; tier: TierId; beatTitle: string; via?: string }) {
  const ready = useCartReady()
  const line = useCart((s) => s.lines.find((l) => l.beatId === beatId))
  const add = useCart((s) => s.add)
  const [notice, setNotice] = useState('')
  useEffect(() => {
    if (!notice) return
    const t = setTimeout(() => setNotice(''), 3500)
    return () => clearTimeout(t)
  }, [notice])

  const inCart = ready && line?.tier === tier && line.via === via
  const otherTier = ready && line && line.tier !== tier ? line.tier : null
  const label = LICENSE_TIERS[tier].label

  return (
    <span className="relative inline-flex">
      {inCart ? (
        <Link
          to="/cart"
          className="pill pill-in-cart"
          aria-label={`${beatTitle} (${label}) is in your cart — view cart`}
        >
          <CheckIcon />
          In cart
        </Link>
      ) : (
        <button
          type="button"
          className="pill pill-accent"
          aria-label={otherTier ? `Switch ${beatTitle} to the ${label} license in your cart` : `Add ${beatTitle} (${label}) to cart`}
          onClick={() => {
            const result = add(via ? { beatId, tier, via } : { beatId, tier })
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
      <span role="status" className="cart-toast">
        {notice}
      </span>
    </span>
  )
}

/** One-line checkout through the same action as the cart. */
export function BuyNowButton({ beatId, tier, via }: { beatId: string; tier: TierId; via?: string }) {
  const fetcher = useFetcher<CheckoutAnswer>()
  const busy = fetcher.state !== 'idle'
  const errors = fetcher.data?.errors
  // One line was sent, so its own message says more than the cart-wide one.
  const problem = (errors && Object.values(errors.fieldErrors)[0]?.[0]) ?? errors?.formError
  return (
    <fetcher.Form method="post" action="/checkout" className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="lines" value={JSON.stringify([via ? { beatId, tier, via } : { beatId, tier }])} />
      <button type="submit" disabled={busy} className={`${base} border border-zinc-500 text-zinc-100 hover:border-zinc-300`}>
        {busy ? 'Starting checkout…' : 'Buy now'}
      </button>
      {problem ? (
        <p role="alert" className="max-w-64 text-right text-xs text-red-300">
          {problem}
        </p>
      ) : null}
    </fetcher.Form>
  )
}

import { useEffect, useRef } from 'react'
import { Link, useFetcher } from 'react-router'
import type { CheckoutAnswer } from '~/routes/checkout'
import { announce } from '~/lib/cart/announcer'
import { addedMessage } from '~/lib/cart/messages'
import { useCart, useCartReady } from '~/lib/cart/store'
import { LICENSE_TIERS, type TierId } from '~/lib/tiers'
import { CheckIcon } from '~/components/player/icons'

// Button looks are .pill / .pill-accent / .pill-in-cart in app.css (repeated per catalog card).
const base = 'pill'

/**
 * Adds the beat at this tier (or switches the tier of its line) and announces it through the
 * cart's live region. The button turns into an "In cart" link; focus follows it there.
 */
export function AddToCartButton({ beatId, tier, beatTitle, via }: { beatId: string; tier: TierId; beatTitle: string; via?: string }) {
  const ready = useCartReady()
  const line = useCart((s) => s.lines.find((l) => l.beatId === beatId))
  const add = useCart((s) => s.add)
  const linkRef = useRef<HTMLAnchorElement>(null)
  const focusLink = useRef(false)

  const inCart = ready && line?.tier === tier && line.via === via
  const otherTier = ready && line && line.tier !== tier ? line.tier : null
  const label = LICENSE_TIERS[tier].label

  useEffect(() => {
    if (inCart && focusLink.current) linkRef.current?.focus()
    focusLink.current = false
  }, [inCart])

  return inCart ? (
    <Link ref={linkRef} to="/cart" className="pill pill-in-cart" aria-label={`${beatTitle} (${label}) is in your cart — view cart`}>
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
        focusLink.current = result !== 'full'
        announce(addedMessage(result, beatTitle, label))
      }}
    >
      {otherTier ? `Switch to ${label}` : 'Add to cart'}
    </button>
  )
}

/** One-line checkout through the same action as the cart. */
export function BuyNowButton({ beatId, tier, wide = false, via }: { beatId: string; tier: TierId; wide?: boolean; via?: string }) {
  const fetcher = useFetcher<CheckoutAnswer>()
  const busy = fetcher.state !== 'idle'
  const errors = fetcher.data?.errors
  // One line was sent, so its own message says more than the cart-wide one.
  const problem = (errors && Object.values(errors.fieldErrors)[0]?.[0]) ?? errors?.formError
  return (
    <fetcher.Form method="post" action="/checkout" className={wide ? 'flex flex-1 flex-col gap-1' : 'inline-flex flex-col items-end gap-1'}>
      <input type="hidden" name="lines" value={JSON.stringify([via ? { beatId, tier, via } : { beatId, tier }])} />
      <button type="submit" disabled={busy} className={`${base} border border-zinc-500 text-zinc-100 hover:border-zinc-300 ${wide ? 'w-full' : ''}`}>
        {busy ? 'Starting checkout…' : 'Buy now'}
      </button>
      {problem ? (
        <p role="alert" className={`text-xs text-red-300 ${wide ? '' : 'max-w-64 text-right'}`}>
          {problem}
        </p>
      ) : null}
    </fetcher.Form>
  )
}

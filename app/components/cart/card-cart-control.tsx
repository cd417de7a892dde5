import { useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import { announce } from '~/lib/cart/announcer'
import { addedMessage } from '~/lib/cart/messages'
import { useCart, useCartReady } from '~/lib/cart/store'
import { LICENSE_TIERS, type TierId } from '~/lib/tiers'
import { CheckIcon } from '~/components/player/icons'
import { TierSheet, type SheetTier } from './tier-sheet'

interface Props {
  beatId: string
  beatTitle: string
  /** Enabled tiers, cheapest first. */
  tiers: SheetTier[]
  currency: string
}

/**
 * A catalog card's cart button. With several tiers it opens the tier sheet (nothing is picked
 * silently); with one tier it adds at once. Focus never drops to <body>: after adding it moves to
 * the "In cart" link that takes the button's place, after cancelling it returns to the button.
 */
export function CardCartControl({ beatId, beatTitle, tiers, currency }: Props) {
  const ready = useCartReady()
  const line = useCart((s) => s.lines.find((l) => l.beatId === beatId))
  const add = useCart((s) => s.add)
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const linkRef = useRef<HTMLAnchorElement>(null)
  const focusNext = useRef<'button' | 'link' | null>(null)
  const inCart = ready && line ? line.tier : null

  useEffect(() => {
    const target = focusNext.current === 'link' ? linkRef.current : focusNext.current === 'button' ? buttonRef.current : null
    if (!target) return
    focusNext.current = null
    target.focus()
  })

  const addTier = (tier: TierId) => {
    const result = add({ beatId, tier })
    announce(addedMessage(result, beatTitle, LICENSE_TIERS[tier].label))
    focusNext.current = result === 'full' ? 'button' : 'link'
    setOpen(false)
  }

  const single = tiers.length === 1 ? tiers[0]! : null
  return (
    <>
      {inCart ? (
        <Link
          ref={linkRef}
          to="/cart"
          className="pill pill-in-cart"
          aria-label={`${beatTitle} (${LICENSE_TIERS[inCart].label}) is in your cart — view cart`}
        >
          <CheckIcon />
          In cart
        </Link>
      ) : (
        <button
          ref={buttonRef}
          type="button"
          className="pill pill-accent"
          aria-haspopup={single ? undefined : 'dialog'}
          aria-label={single ? `Add ${beatTitle} (${LICENSE_TIERS[single.tier].label}) to cart` : `Add ${beatTitle} to cart`}
          onClick={() => (single ? addTier(single.tier) : setOpen(true))}
        >
          Add to cart
        </button>
      )}
      {open ? (
        <TierSheet
          beatId={beatId}
          beatTitle={beatTitle}
          options={tiers}
          currency={currency}
          initial={inCart ?? tiers[0]!.tier}
          inCart={inCart}
          onAdd={addTier}
          onClose={() => {
            if (!focusNext.current) focusNext.current = 'button'
            setOpen(false)
          }}
        />
      ) : null}
    </>
  )
}

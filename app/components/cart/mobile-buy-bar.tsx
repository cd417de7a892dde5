import { useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import { announce } from '~/lib/cart/announcer'
import { addedMessage } from '~/lib/cart/messages'
import { useCart, useCartReady } from '~/lib/cart/store'
import { formatPrice } from '~/lib/money'
import { LICENSE_TIERS, type TierId } from '~/lib/tiers'
import { useFixedHeight } from '~/components/player/use-fixed-height'
import { TierSheet, type SheetTier } from './tier-sheet'

interface Props {
  beatId: string
  beatTitle: string
  /** Enabled tiers, cheapest first. */
  options: SheetTier[]
  /** The tier chosen on the page (?tier=), preselected in the sheet. */
  selected: TierId
  currency: string
}

/**
 * Below the desktop layout the license picker is far down the beat page; this bar keeps the price
 * and the way to buy on the first screen. It sits above the player (see .buy-bar in app.css).
 */
export function MobileBuyBar({ beatId, beatTitle, options, selected, currency }: Props) {
  const ready = useCartReady()
  const line = useCart((s) => s.lines.find((l) => l.beatId === beatId))
  const add = useCart((s) => s.add)
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const barRef = useFixedHeight<HTMLDivElement>('--buybar-h')
  const inCart = ready && line ? line.tier : null
  const from = options[0]

  // Back to the bar's button once the sheet is gone (while it is open the page is inert).
  const refocus = useRef(false)
  useEffect(() => {
    if (open || !refocus.current) return
    refocus.current = false
    buttonRef.current?.focus()
  }, [open])
  const close = () => {
    refocus.current = true
    setOpen(false)
  }

  return (
    <div ref={barRef} className="buy-bar" data-testid="buy-bar">
      <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-2.5">
        <p className="mr-auto min-w-0 text-sm leading-tight">
          {inCart ? (
            <>
              <b className="block font-semibold text-accent">{LICENSE_TIERS[inCart].label} is in your cart</b>
              <Link to="/cart" className="text-xs text-muted underline underline-offset-2 hover:text-white">
                View cart
              </Link>
            </>
          ) : from ? (
            <>
              <span className="text-muted">from </span>
              <b className="text-lg font-black tabular-nums">{formatPrice(from.priceCents, currency)}</b>
              <span className="block truncate text-xs text-muted">
                {options.length} {options.length === 1 ? 'license' : 'licenses'} · instant download
              </span>
            </>
          ) : null}
        </p>
        <button ref={buttonRef} type="button" className="pill pill-accent" aria-haspopup="dialog" onClick={() => setOpen(true)}>
          {inCart ? 'Change license' : 'Choose a license'}
        </button>
      </div>
      {open ? (
        <TierSheet
          beatId={beatId}
          beatTitle={beatTitle}
          options={options}
          currency={currency}
          initial={inCart ?? selected}
          inCart={inCart}
          buyNow
          onAdd={(tier) => {
            announce(addedMessage(add({ beatId, tier }), beatTitle, LICENSE_TIERS[tier].label))
            close()
          }}
          onClose={close}
        />
      ) : null}
    </div>
  )
}

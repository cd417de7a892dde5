import { useEffect, useId, useRef, useState } from 'react'
import { formatPrice } from '~/lib/money'
import { DOWNLOAD_KIND_LABELS, LICENSE_TIERS, type TierId } from '~/lib/tiers'
import { BuyNowButton } from './add-to-cart'

export interface SheetTier {
  tier: TierId
  priceCents: number
}

interface Props {
  beatId: string
  beatTitle: string
  options: SheetTier[]
  currency: string
  /** Preselected: the tier already in the cart, or the cheapest. */
  initial: TierId
  /** The tier the cart holds for this beat, if any (the main button then says "Switch"). */
  inCart: TierId | null
  onAdd: (tier: TierId) => void
  onClose: () => void
  /** The beat page offers "Buy now" in the sheet as well. */
  buyNow?: boolean
}

/**
 * A small modal license chooser (a native <dialog>: Escape closes it, the rest of the page is
 * inert while it is open). On phones it is a bottom sheet. Render it only while open; the opener
 * puts focus back where it belongs when it closes.
 */
export function TierSheet({ beatId, beatTitle, options, currency, initial, inCart, onAdd, onClose, buyNow }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const [tier, setTier] = useState<TierId>(initial)
  const titleId = useId()
  const name = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus()
    return () => dialog.close()
  }, [])

  const label = LICENSE_TIERS[tier].label
  const unchanged = inCart === tier
  return (
    <dialog
      ref={ref}
      className="tier-sheet"
      aria-labelledby={titleId}
      onClose={onClose}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(e) => e.target === e.currentTarget && ref.current?.close()}
    >
      <div className="tier-sheet-body">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 id={titleId} className="text-lg font-bold">
              Choose a license
            </h2>
            <p className="truncate text-sm text-muted">{beatTitle}</p>
          </div>
          <button type="button" onClick={() => ref.current?.close()} className="tier-sheet-close" aria-label="Close">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
              <path d="m6 6 12 12M18 6 6 18" />
            </svg>
          </button>
        </div>
        <fieldset className="mt-4">
          <legend className="sr-only">License for {beatTitle}</legend>
          <div className="space-y-2">
            {options.map((o) => (
              <label key={o.tier} className="tier-option">
                <input type="radio" name={name} value={o.tier} checked={o.tier === tier} onChange={() => setTier(o.tier)} className="peer sr-only" />
                <span className="tier-option-box">
                  <span className="min-w-0">
                    <span className="block font-semibold">
                      {LICENSE_TIERS[o.tier].label}
                      {inCart === o.tier ? <span className="ml-2 text-xs font-normal text-accent">in your cart</span> : null}
                    </span>
                    <span className="block text-xs text-muted">{LICENSE_TIERS[o.tier].files.map((f) => DOWNLOAD_KIND_LABELS[f]).join(' · ')}</span>
                  </span>
                  <span className="text-lg font-black tabular-nums">{formatPrice(o.priceCents, currency)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {/* Closing is the × button, Escape or a click outside; the two ways to buy share the row. */}
        <div className="mt-5 flex items-start gap-2">
          {buyNow ? <BuyNowButton beatId={beatId} tier={tier} wide /> : null}
          <button type="button" className="pill pill-accent flex-1" onClick={() => onAdd(tier)} disabled={unchanged}>
            {unchanged ? 'In your cart' : inCart ? `Switch to ${label}` : `Add ${label} to cart`}
          </button>
        </div>
      </div>
    </dialog>
  )
}

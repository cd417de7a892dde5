import { Link } from 'react-router'
import { CoverImage } from '~/components/cover-image'
import type { CartLine } from '~/lib/cart/lines'
import { announce } from '~/lib/cart/announcer'
import { useCart } from '~/lib/cart/store'
import { formatMoney } from '~/lib/money'
import type { CartViewLine } from '~/lib/orders/cart-view.server'
import { isTierId, LICENSE_TIERS } from '~/lib/tiers'

interface Props {
  line: CartLine
  /** The server's view of this line; undefined while (re)pricing. */
  view: CartViewLine | undefined
  /** The previous view (other tier) to keep title/cover steady while re-pricing. */
  fallback: CartViewLine | undefined
  currency: string
  problem?: string
}

// Same stable tint as the catalog's cover tiles, for beats without a cover.
function hue(id: string) {
  let h = 0
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 360
  return h
}

/** Where focus goes when a line leaves: the next line's Remove, else the previous one's, else the page. */
function focusAfterRemoval(button: HTMLElement): HTMLElement | null {
  const item = button.closest('li')
  const sibling = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector<HTMLElement>('[data-remove]')
  if (sibling) return sibling
  const main = document.getElementById('main')
  main?.setAttribute('tabindex', '-1')
  return main
}

export function CartLineView({ line, view, fallback, currency, problem }: Props) {
  const setTier = useCart((s) => s.setTier)
  const remove = useCart((s) => s.remove)
  const shown = view ?? fallback
  const title = shown?.beatTitle ?? 'Loading…'
  const selectId = `tier-${line.beatId}`
  return (
    <li className="flex gap-3 rounded-2xl border border-line bg-panel p-3 sm:gap-4 sm:p-4" data-testid="cart-line">
      <div
        aria-hidden="true"
        className="relative size-16 shrink-0 overflow-hidden rounded-xl sm:size-20"
        style={{ backgroundImage: `linear-gradient(135deg, hsl(${hue(line.beatId)} 55% 32%), hsl(${(hue(line.beatId) + 60) % 360} 50% 14%))` }}
      >
        <CoverImage beatId={line.beatId} version={null} sizes="80px" maxWidth={192} className="size-full object-cover" hideOnError />
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex items-start justify-between gap-2">
          <div className="min-w-0">
            <p className="truncate font-semibold leading-tight">
              {shown ? (
                <Link to={`/beats/${shown.beatSlug}`} className="hover:text-accent">
                  {title}
                </Link>
              ) : (
                title
              )}
            </p>
            <p className="truncate text-sm text-muted">{shown?.producerName ?? '\u00a0'}</p>
            {view?.upgradeNote ? <p className="mt-1 text-sm font-medium text-emerald-300">{view.upgradeNote}</p> : null}
          </div>
          <p className="shrink-0 text-right tabular-nums" aria-live="polite" data-testid="line-price">
            {view && view.paidCents < view.priceCents ? (
              <>
                <s className="mr-1.5 text-sm text-muted">{formatMoney(view.priceCents, currency)}</s>
                <span className="font-bold text-emerald-300">{formatMoney(view.paidCents, currency)}</span>
              </>
            ) : (
              <span className="font-bold">{view ? formatMoney(view.priceCents, currency) : '…'}</span>
            )}
          </p>
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2">
          <label htmlFor={selectId} className="sr-only">
            License for {title}
          </label>
          <select
            id={selectId}
            value={line.tier}
            onChange={(e) => {
              const tier = e.target.value
              if (!isTierId(tier)) return
              setTier(line.beatId, tier)
              announce(`“${title}” is now a ${LICENSE_TIERS[tier].label} license.`)
            }}
            className="rounded-lg border border-line bg-ink px-2 py-1.5 text-sm"
          >
            {(shown?.tierOptions ?? [{ tier: line.tier, label: LICENSE_TIERS[line.tier].label, priceCents: 0 }]).map((o) => (
              <option key={o.tier} value={o.tier}>
                {o.label} license{o.priceCents ? ` — ${formatMoney(o.priceCents, currency)}` : ''}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-remove
            onClick={(e) => {
              const next = focusAfterRemoval(e.currentTarget)
              remove(line.beatId)
              announce(`Removed “${title}” from your cart.`)
              next?.focus()
            }}
            className="text-sm text-muted underline-offset-2 hover:text-white hover:underline"
            aria-label={`Remove ${title} from cart`}
          >
            Remove
          </button>
        </div>
        {view ? (
          <p className="mt-2 text-xs text-muted">
            Includes <span className="text-zinc-300">{view.includes.join(', ')}</span>
            <span className="hidden sm:inline"> · {view.terms.join(' · ')}</span>
          </p>
        ) : null}
        {view?.adjustments.length ? (
          <ul className="mt-2 space-y-0.5 text-sm" aria-label={`Discounts on ${title}`}>
            {view.adjustments.map((a, i) => (
              <li key={i} className="text-emerald-300">
                {a.label}: −{formatMoney(a.cents, currency)}
              </li>
            ))}
          </ul>
        ) : null}
        {view?.hints.map((hint) => (
          <p key={hint} className="mt-2 rounded-lg bg-accent/10 px-2 py-1 text-sm text-accent" data-testid="deal-hint">
            {hint}
          </p>
        ))}
        {problem ? (
          <p role="alert" className="mt-2 text-sm text-red-300">
            {problem}
          </p>
        ) : null}
      </div>
    </li>
  )
}

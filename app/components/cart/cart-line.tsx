import { Link } from 'react-router'
import { CoverImage } from '~/components/cover-image'
import type { CartLine } from '~/lib/cart/lines'
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
          </div>
          <p className="shrink-0 font-bold tabular-nums" aria-live="polite">
            {view ? formatMoney(view.priceCents, currency) : '…'}
          </p>
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2">
          <label htmlFor={selectId} className="sr-only">
            License for {title}
          </label>
          <select
            id={selectId}
            value={line.tier}
            onChange={(e) => isTierId(e.target.value) && setTier(line.beatId, e.target.value)}
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
            onClick={() => remove(line.beatId)}
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
        {problem ? (
          <p role="alert" className="mt-2 text-sm text-red-300">
            {problem}
          </p>
        ) : null}
      </div>
    </li>
  )
}

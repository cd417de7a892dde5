import { useNavigate } from 'react-router'
import { formatPrice } from '~/lib/money'
import { DOWNLOAD_KIND_LABELS, type DownloadKind, type TierId } from '~/lib/tiers'

interface TierOption {
  tier: TierId
  label: string
  blurb: string
  priceCents: number
  files: readonly DownloadKind[]
  terms: string[]
  /** A sentence about this tier right now (an Exclusive another checkout holds). */
  note?: string | null
}

interface Props {
  options: TierOption[]
  selected: TierId
  currency: string
}

/**
 * One license pick, as a native radio group inside a GET form: the choice lives in the URL
 * (`?tier=TRACKOUT`), so it is a shareable link and works without JavaScript.
 */
export function TierPicker({ options, selected, currency }: Props) {
  const navigate = useNavigate()
  return (
    <form method="get" className="space-y-3">
      <fieldset>
        <legend className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted">Choose a license</legend>
        <div className="space-y-3">
          {options.map((o) => (
            <label key={o.tier} className="group block cursor-pointer">
              <input
                type="radio"
                name="tier"
                value={o.tier}
                checked={o.tier === selected}
                onChange={() => void navigate(`?tier=${o.tier}`, { replace: true, preventScrollReset: true })}
                className="peer sr-only"
              />
              <span className="block rounded-2xl border border-line bg-panel p-4 transition group-hover:border-zinc-500 peer-checked:border-accent peer-checked:bg-accent/[0.07] peer-checked:shadow-[0_0_0_1px_var(--color-accent)] peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent">
                <span className="flex items-start justify-between gap-3">
                  <span>
                    <span className="flex items-center gap-2 font-bold">
                      <span
                        aria-hidden="true"
                        className={`grid size-4 place-items-center rounded-full border-2 ${o.tier === selected ? 'border-accent' : 'border-zinc-500'}`}
                      >
                        {o.tier === selected ? <span className="size-1.5 rounded-full bg-accent" /> : null}
                      </span>
                      {o.label}
                    </span>
                    <span className="mt-1 block text-sm text-muted">{o.blurb}</span>
                  </span>
                  <span className="text-xl font-black tabular-nums">{formatPrice(o.priceCents, currency)}</span>
                </span>
                <span className="mt-3 flex flex-wrap gap-1.5">
                  {o.files.map((f) => (
                    <span key={f} className="rounded-md bg-white/5 px-2 py-0.5 text-xs font-semibold text-zinc-200">
                      {DOWNLOAD_KIND_LABELS[f]}
                    </span>
                  ))}
                </span>
                <span className="mt-3 grid gap-x-4 gap-y-1 text-xs text-muted sm:grid-cols-2">
                  {o.terms.map((t) => (
                    <span key={t} className="flex gap-1.5">
                      <span aria-hidden="true" className="text-accent">
                        ✓
                      </span>
                      {t}
                    </span>
                  ))}
                </span>
                {o.note ? <span className="mt-3 block rounded-lg bg-amber-400/10 px-3 py-2 text-xs font-medium text-amber-200">{o.note}</span> : null}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <noscript>
        <button type="submit" className="rounded-full border border-line px-4 py-1.5 text-sm font-semibold">
          Choose this license
        </button>
      </noscript>
    </form>
  )
}

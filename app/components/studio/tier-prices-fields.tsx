import type { LicenseTier } from '~/generated/prisma/enums'
import { firstError, type FormErrors } from '~/lib/form'
import { formatMoney } from '~/lib/money'
import { centsToInput } from '~/lib/studio/price-input'
import { DOWNLOAD_KIND_LABELS, describeTerms, LICENSE_TIERS, TIER_IDS, type TierId, type UsageTerms } from '~/lib/tiers'

/** One row per license tier: on/off switch, price in dollars, and the caps that tier carries. */
export function TierPricesFields({ tiers, terms, currency, errors }: {
  tiers: { tier: LicenseTier; priceCents: number; enabled: boolean }[]
  terms: Record<TierId, UsageTerms>
  currency: string
  errors?: FormErrors
}) {
  return (
    <div className="space-y-3">
      {TIER_IDS.map((id) => {
        const def = LICENSE_TIERS[id]
        const row = tiers.find((t) => t.tier === id)
        const priceId = `price-${id}`
        const error = firstError(errors, `${id}.price`)
        return (
          <fieldset key={id} className="rounded-xl border border-line bg-ink/60 p-4">
            <legend className="sr-only">{def.label} license</legend>
            <div className="flex items-center justify-between gap-3">
              <label className="flex items-center gap-2 font-semibold">
                <input type="checkbox" name={`${id}.enabled`} defaultChecked={row?.enabled ?? def.offeredByDefault} className="size-4 accent-[var(--color-accent)]" />
                {def.label}
              </label>
              <div className="flex items-center gap-1">
                <label htmlFor={priceId} className="sr-only">
                  {def.label} price in {currency.toUpperCase()}
                </label>
                <span aria-hidden className="text-sm text-muted">
                  $
                </span>
                <input
                  id={priceId}
                  name={`${id}.price`}
                  inputMode="decimal"
                  defaultValue={centsToInput(row?.priceCents ?? def.defaultPriceCents)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${priceId}-error` : undefined}
                  className="w-24 rounded-lg border border-line bg-ink px-2 py-1.5 text-right text-sm tabular-nums focus:border-accent focus:outline-none aria-[invalid=true]:border-red-400"
                />
              </div>
            </div>
            {error ? (
              <p id={`${priceId}-error`} className="mt-2 text-sm text-red-300">
                {error}
              </p>
            ) : null}
            <p className="mt-2 text-xs text-muted">
              {def.files.map((f) => DOWNLOAD_KIND_LABELS[f]).join(' + ')} · typical {formatMoney(def.defaultPriceCents, currency)}
            </p>
            <p className="mt-1 text-xs text-zinc-400">{describeTerms(terms[id]).join(' · ')}</p>
            {def.rights.exclusive ? (
              <p className="mt-1 text-xs text-zinc-400">
                Sold once: when it is paid, the beat comes off sale for every license. You keep: {def.rights.producerKeeps.join('; ').toLowerCase()}.
              </p>
            ) : null}
          </fieldset>
        )
      })}
    </div>
  )
}

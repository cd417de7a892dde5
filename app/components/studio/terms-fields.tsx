import { firstError, type FormErrors } from '~/lib/form'
import { DOWNLOAD_KIND_LABELS, LICENSE_TIERS, TIER_IDS, type TierId, type UsageTerms } from '~/lib/tiers'
import { TextField } from './fields'

const CAPS = [
  { field: 'distributionCopies', label: 'Distribution copies' },
  { field: 'streams', label: 'Audio streams' },
  { field: 'musicVideos', label: 'Music videos' },
] as const

export function TermsFields({ terms, errors }: { terms: Record<TierId, UsageTerms>; errors?: FormErrors }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      {TIER_IDS.map((tier) => (
        <fieldset key={tier} className="space-y-4 rounded-2xl border border-line bg-panel p-5">
          <legend className="sr-only">{LICENSE_TIERS[tier].label} license caps</legend>
          <div>
            <p className="text-lg font-semibold">{LICENSE_TIERS[tier].label}</p>
            <p className="text-xs text-muted">{LICENSE_TIERS[tier].files.map((f) => DOWNLOAD_KIND_LABELS[f]).join(' + ')}</p>
          </div>
          {CAPS.map(({ field, label }) => (
            <TextField
              key={field}
              label={label}
              name={`${tier}.${field}`}
              inputMode="numeric"
              placeholder="Unlimited"
              defaultValue={terms[tier][field] ?? ''}
              error={firstError(errors, `${tier}.${field}`)}
            />
          ))}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`${tier}.radioBroadcasting`} defaultChecked={terms[tier].radioBroadcasting} className="size-4 accent-[var(--color-accent)]" />
            Radio broadcasting allowed
          </label>
        </fieldset>
      ))}
    </div>
  )
}

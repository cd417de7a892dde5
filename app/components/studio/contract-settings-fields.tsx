import { firstError, type FormErrors } from '~/lib/form'
import type { ContractSettings } from '~/lib/contracts/values'
import { TextField } from './fields'

// The facts every contract refers to; each field names the variable it fills.

export function ContractSettingsFields({ settings, errors, displayName }: { settings: ContractSettings; errors?: FormErrors; displayName: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label="Legal name" name="legalName" defaultValue={settings.legalName ?? ''} placeholder={displayName} error={firstError(errors, 'legalName')} hint="{{producer_legal_name}}; blank uses your store name." />
      <TextField label="Credit line" name="creditLine" defaultValue={settings.creditLine ?? ''} placeholder={`prod. by ${displayName}`} error={firstError(errors, 'creditLine')} hint="{{credit_line}}; blank uses “prod. by” and your store name." />
      <TextField label="Territory" name="territory" defaultValue={settings.territory} error={firstError(errors, 'territory')} hint="{{territory}}, e.g. worldwide." />
      <TextField label="Governing law" name="governingLaw" defaultValue={settings.governingLaw} error={firstError(errors, 'governingLaw')} hint="{{governing_law}}, e.g. the State of New York, United States." />
      <TextField label="Lease term (years)" name="termYears" inputMode="numeric" defaultValue={String(settings.termYears)} error={firstError(errors, 'termYears')} hint="{{term_years}}; {{expiry_date}} follows from it." />
      <TextField label="Your publishing share (%)" name="publishingPercent" inputMode="numeric" defaultValue={String(settings.publishingPercent)} error={firstError(errors, 'publishingPercent')} hint="{{publishing_split}}: the rest goes to the buyer." />
    </div>
  )
}

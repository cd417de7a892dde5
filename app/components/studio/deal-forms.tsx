import { useState } from 'react'
import { Form } from 'react-router'
import { firstError, type FormErrors } from '~/lib/form'
import { LICENSE_TIERS, TIER_IDS } from '~/lib/tiers'
import { buttonClass, FormAlert, TextField } from './fields'
import { IntentForm } from './intent-form'

// The studio's deal and code forms, and the list with an "End" button per entry.

const selectClass = 'block w-full rounded-lg border border-line bg-ink px-3 py-2 text-sm text-white focus:border-accent focus:outline-none'
const day = (iso: string) => new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })

function Check({ name, label }: { name: string; label: string }) {
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-200">
      <input type="checkbox" name={name} className="size-4 accent-[var(--color-accent,#f59e0b)]" />
      {label}
    </label>
  )
}

function Select({ name, label, options, value, onChange }: { name: string; label: string; options: [string, string][]; value?: string; onChange?: (v: string) => void }) {
  return (
    <label className="block space-y-1.5 text-sm font-medium text-zinc-200">
      <span>{label}</span>
      <select name={name} className={selectClass} value={value} onChange={onChange && ((e) => onChange(e.target.value))}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
}

function Dates({ errors }: { errors?: FormErrors }) {
  return (
    <div className="grid grid-cols-2 gap-3">
      <TextField name="startsOn" type="date" label="First day" hint="Blank: today" error={firstError(errors, 'startsOn')} />
      <TextField name="endsOn" type="date" label="Last day" hint="Blank: until you end it" error={firstError(errors, 'endsOn')} />
    </div>
  )
}

const tierOptions: [string, string][] = TIER_IDS.map((t) => [t, LICENSE_TIERS[t].label])

export function DealForm({ errors, done }: { errors?: FormErrors; done: string | null }) {
  const [kind, setKind] = useState('BUY_GET')
  return (
    <div className="rounded-2xl border border-line bg-panel p-4">
      <h3 className="mb-3 font-semibold">New bulk deal</h3>
      <IntentForm intent="create-deal" submitLabel="Create deal">
        {done ? <FormAlert tone="success">{done}</FormAlert> : null}
        {errors?.formError ? <FormAlert>{errors.formError}</FormAlert> : null}
        <Select name="kind" label="Kind" value={kind} onChange={setKind} options={[['BUY_GET', 'Buy N, get M free'], ['BUNDLE', 'N for a set price']]} />
        {kind === 'BUY_GET' ? (
          <>
            <Select name="tier" label="Which licenses count" options={[['', 'Any license'], ...tierOptions]} />
            <div className="grid grid-cols-2 gap-3">
              <TextField name="buyQuantity" label="Buy" inputMode="numeric" defaultValue="2" error={firstError(errors, 'buyQuantity')} />
              <TextField name="freeQuantity" label="Get free" inputMode="numeric" defaultValue="1" error={firstError(errors, 'freeQuantity')} />
            </div>
            <p className="text-xs text-muted">The cheapest lines in each set go free.</p>
          </>
        ) : (
          <>
            <Select name="tier" label="License" options={tierOptions} />
            <div className="grid grid-cols-2 gap-3">
              <TextField name="bundleQuantity" label="How many" inputMode="numeric" defaultValue="3" error={firstError(errors, 'bundleQuantity')} />
              <TextField name="bundlePrice" label="For ($)" inputMode="decimal" placeholder="60" error={firstError(errors, 'bundlePrice')} />
            </div>
          </>
        )}
        <Dates errors={errors} />
        <Check name="includeExclusive" label="Exclusive licenses count too" />
      </IntentForm>
    </div>
  )
}

export function CodeForm({ beats, errors, done }: { beats: { id: string; title: string }[]; errors?: FormErrors; done: string | null }) {
  const [amountKind, setAmountKind] = useState('percent')
  return (
    <div className="rounded-2xl border border-line bg-panel p-4">
      <h3 className="mb-3 font-semibold">New code</h3>
      <IntentForm intent="create-code" submitLabel="Create code">
        {done ? <FormAlert tone="success">{done}</FormAlert> : null}
        {errors?.formError ? <FormAlert>{errors.formError}</FormAlert> : null}
        <TextField name="code" label="Code" placeholder="SPRING10" autoCapitalize="characters" error={firstError(errors, 'code')} />
        <div className="grid grid-cols-2 gap-3">
          <Select name="amountKind" label="Discount" value={amountKind} onChange={setAmountKind} options={[['percent', 'Percent off'], ['amount', 'Amount off']]} />
          {amountKind === 'percent' ? (
            <TextField name="percentOff" label="Percent" inputMode="numeric" placeholder="10" error={firstError(errors, 'percentOff')} />
          ) : (
            <TextField name="amountOff" label="Amount ($)" inputMode="decimal" placeholder="5" error={firstError(errors, 'amountOff')} />
          )}
        </div>
        <Dates errors={errors} />
        <div className="grid grid-cols-3 gap-3">
          <TextField name="maxUses" label="Total uses" inputMode="numeric" hint="Blank: no cap" error={firstError(errors, 'maxUses')} />
          <TextField name="minLines" label="Min. lines" inputMode="numeric" error={firstError(errors, 'minLines')} />
          <TextField name="minSubtotal" label="Min. spend ($)" inputMode="decimal" error={firstError(errors, 'minSubtotal')} />
        </div>
        <fieldset className="space-y-1.5">
          <legend className="text-sm font-medium text-zinc-200">Only these licenses (none ticked: all)</legend>
          <div className="flex flex-wrap gap-4">
            {tierOptions.map(([t, label]) => (
              <label key={t} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="tiers" value={t} className="size-4" />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        {beats.length ? (
          <label className="block space-y-1.5 text-sm font-medium text-zinc-200">
            <span>Only these beats (none selected: all)</span>
            <select name="beatIds" multiple className={`${selectClass} h-24`}>
              {beats.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <Check name="oncePerEmail" label="One use per buyer email" />
        <Check name="stacksWithDeals" label="Also on lines that got a bulk deal" />
        <Check name="includeExclusive" label="Exclusive licenses too" />
      </IntentForm>
    </div>
  )
}

interface ListItem {
  id: string
  title: string
  detail: string | null
  status: 'scheduled' | 'live' | 'ended'
  startsAt: string
  endsAt: string | null
}

const badge = { live: 'bg-emerald-500/15 text-emerald-300', scheduled: 'bg-sky-500/15 text-sky-300', ended: 'bg-zinc-500/15 text-zinc-400' }

export function DiscountList({ kind, items, notice, errors }: { kind: 'deal' | 'code'; items: ListItem[]; notice: string | null; errors?: FormErrors }) {
  if (!items.length) return <p className="text-sm text-muted">No {kind === 'deal' ? 'bulk deals' : 'codes'} yet.</p>
  return (
    <div className="space-y-2">
      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
      {errors?.formError ? <FormAlert>{errors.formError}</FormAlert> : null}
      <ul className="space-y-2" aria-label={kind === 'deal' ? 'Your bulk deals' : 'Your codes'}>
        {items.map((item) => (
          <li key={item.id} className="flex items-start justify-between gap-3 rounded-xl border border-line bg-panel px-3 py-2">
            <div className="min-w-0">
              <p className="font-medium">
                {item.title} <span className={`ml-1 rounded-full px-2 py-0.5 text-xs ${badge[item.status]}`}>{item.status}</span>
              </p>
              <p className="text-xs text-muted">
                {day(item.startsAt)} – {item.endsAt ? day(new Date(new Date(item.endsAt).getTime() - 1).toISOString()) : 'no end date'}
                {item.detail ? ` · ${item.detail}` : ''}
              </p>
            </div>
            {item.status !== 'ended' ? (
              <Form method="post">
                <input type="hidden" name="intent" value={kind === 'deal' ? 'end-deal' : 'end-code'} />
                <input type="hidden" name="id" value={item.id} />
                <button type="submit" className={buttonClass.secondary} aria-label={`End ${item.title}`}>
                  End
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}

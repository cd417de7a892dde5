import { data } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/licenses.$id'
import { getLicense } from '~/lib/pdf/license.server'
import { describeTerms, DOWNLOAD_KIND_LABELS, LICENSE_TIERS } from '~/lib/tiers'
import { findSupersedingLine } from '~/models/order/upgrades.server'

// /licenses/:id — public: anyone holding a license PDF can check it here. Shows what was licensed
// and whether it still stands; never the buyer's email.

export async function loader({ params }: Route.LoaderArgs) {
  const id = z.uuid().safeParse(params.id)
  const license = id.success ? await getLicense(id.data) : null
  if (!license) throw data('We have no license with this id. Check the link or QR code on the PDF.', { status: 404 })
  const upgrade = await findSupersedingLine(license.id)
  return {
    supersededBy: upgrade ? { id: upgrade.id, tierLabel: LICENSE_TIERS[upgrade.tier].label } : null,
    id: license.id,
    state: license.state,
    beatTitle: license.beatTitle,
    beatSlug: license.beatSlug,
    producerName: license.producerName,
    tierLabel: license.tierLabel,
    files: license.files.map((f) => DOWNLOAD_KIND_LABELS[f]),
    terms: describeTerms(license.terms),
    orderNumber: license.orderNumber,
    licensee: license.buyerName?.trim() || 'A Beatstall customer',
    issuedAt: license.issuedAt.toISOString().slice(0, 10),
    contractSha256: license.contract?.sha256 ?? null,
  }
}

export const meta: Route.MetaFunction = ({ data: d }) => [
  { title: d ? `License check: ${d.beatTitle} (${d.tierLabel}) · Beatstall` : 'License check · Beatstall' },
  { name: 'robots', content: 'noindex' },
]

const STATES = {
  VALID: { label: 'Valid license', text: 'This license exists and is valid.', className: 'border-green-500/50 text-green-400' },
  SUPERSEDED: { label: 'Superseded', text: 'This license was replaced by an upgrade.', className: 'border-sky-500/50 text-sky-300' },
  REFUNDED: { label: 'Refunded', text: 'This license was refunded and is no longer valid.', className: 'border-red-500/50 text-red-400' },
  DISPUTED: { label: 'Suspended', text: 'This license is suspended while a payment dispute is open.', className: 'border-yellow-500/50 text-yellow-300' },
  NOT_PAID: { label: 'Not valid', text: 'This order was never paid.', className: 'border-red-500/50 text-red-400' },
} as const

export default function LicenseCheck({ loaderData: l }: Route.ComponentProps) {
  const state = STATES[l.state]
  return (
    <section className="mx-auto max-w-2xl py-8" aria-labelledby="license-title">
      <p className="text-sm font-semibold tracking-widest text-accent">LICENSE VERIFICATION</p>
      <h1 id="license-title" className="mt-2 text-3xl font-bold">
        {l.beatTitle}
      </h1>
      <p className={`mt-4 rounded-xl border px-4 py-3 font-semibold ${state.className}`} role="status">
        {state.label}: {state.text}
      </p>
      {l.supersededBy ? (
        <p className="mt-3 rounded-xl border border-line px-4 py-3 text-sm" data-testid="superseded">
          Superseded by an upgrade to {l.supersededBy.tierLabel}:{' '}
          <a href={`/licenses/${l.supersededBy.id}`} className="font-semibold text-accent underline">
            see the new license
          </a>
          . This license stays on record; the new one carries its rights.
        </p>
      ) : null}
      <dl className="mt-6 grid gap-x-6 gap-y-4 rounded-2xl border border-line bg-panel p-6 sm:grid-cols-2">
        <Field label="License">{l.tierLabel}</Field>
        <Field label="Licensor (producer)">{l.producerName}</Field>
        <Field label="Licensee">{l.licensee}</Field>
        <Field label="Order">
          #{l.orderNumber}, {l.issuedAt}
        </Field>
        <Field label="Files">{l.files.join(', ')}</Field>
        <Field label="License id">
          <span className="break-all">{l.id}</span>
        </Field>
      </dl>
      <h2 className="mt-8 text-lg font-bold">Usage rights (fixed at purchase)</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-muted">
        {l.terms.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-muted">
        Machine-readable:{' '}
        <a href={`/licenses/${l.id}/terms.json`} className="text-accent underline underline-offset-2" type="application/json">
          these terms as JSON
        </a>{' '}
        (<a href="/license-terms.schema.json" className="underline underline-offset-2">schema</a>)
      </p>
      <h2 className="mt-8 text-lg font-bold">Contract</h2>
      {l.contractSha256 ? (
        <div className="mt-2 rounded-2xl border border-line bg-panel p-4">
          <p className="text-sm text-muted">
            The agreement text was frozen at purchase. Its SHA-256 fingerprint, printed on the license PDF too:
          </p>
          <p className="mt-2 break-all font-mono text-sm" data-testid="contract-sha256">
            {l.contractSha256}
          </p>
        </div>
      ) : (
        <p className="mt-2 text-sm text-muted">This license was issued before contracts were frozen into orders: the terms above are the whole license.</p>
      )}
    </section>
  )
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted">{label}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  )
}

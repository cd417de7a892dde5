import { data, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/studio.contracts'
import { ContractEditor } from '~/components/studio/contract-editor'
import { ContractSettingsFields } from '~/components/studio/contract-settings-fields'
import { FormAlert } from '~/components/studio/fields'
import { IntentForm } from '~/components/studio/intent-form'
import { requireProducer } from '~/lib/auth/session.server'
import { MAX_TEMPLATE_CHARS } from '~/lib/contracts/template'
import { contractSettingsSchema } from '~/lib/contracts/settings-schema'
import { contractsPage, restoreDefaultTemplate, saveSettings, saveTierTemplate } from '~/lib/contracts/studio.server'
import { formError, NO_ERRORS, parseForm, type FormErrors } from '~/lib/form'
import { formFailure } from '~/lib/http/errors'
import { readForm } from '~/lib/http/read-body'
import { isTierId, TIER_IDS, type TierId } from '~/lib/tiers'

// /studio/contracts — the producer's contract per tier, with a live preview, and the settings the
// contracts refer to. The chosen tier is in the URL (?tier=TRACKOUT).

export const meta: Route.MetaFunction = () => [{ title: 'Contracts · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  const requested = new URL(request.url).searchParams.get('tier')
  const tier: TierId = isTierId(requested) ? requested : TIER_IDS[0]
  return { ...(await contractsPage(producer)), tier, displayName: producer.displayName }
}

const tierField = z.string().refine(isTierId, 'Choose one of the license tiers.').transform((t) => t as TierId)

const ActionSchema = z.discriminatedUnion('intent', [
  contractSettingsSchema.extend({ intent: z.literal('settings') }),
  z.object({
    intent: z.literal('template'),
    tier: tierField,
    body: z.string({ error: 'The contract text is missing.' }).max(MAX_TEMPLATE_CHARS * 2, 'The contract is far too long.'),
  }),
  z.object({ intent: z.literal('restore'), tier: tierField }),
], { error: 'Unknown action.' })

type ActionAnswer = { intent: string; tier: string | null; errors: FormErrors; saved: boolean }

export async function action({ request }: Route.ActionArgs) {
  const producer = await requireProducer(request)
  const form = await readForm(request)
  const parsed = parseForm(form, ActionSchema)
  const intent = String(form.get('intent') ?? '')
  const tier = typeof form.get('tier') === 'string' ? String(form.get('tier')) : null
  if (!parsed.ok) {
    const errors = parsed.errors.formError || intent === 'settings' ? parsed.errors : formError(Object.values(parsed.errors.fieldErrors).flat().join(' '))
    return data<ActionAnswer>({ intent, tier, errors, saved: false }, { status: 400 })
  }
  const input = parsed.data
  try {
    if (input.intent === 'settings') {
      const { intent: _, ...settings } = input
      await saveSettings(producer.id, settings)
    } else if (input.intent === 'template') await saveTierTemplate(producer.id, input.tier, input.body)
    else await restoreDefaultTemplate(producer.id, input.tier)
  } catch (error) {
    return formFailure<Omit<ActionAnswer, 'errors'>>(error, { intent, tier, saved: false })
  }
  return { intent, tier, errors: NO_ERRORS, saved: true } satisfies ActionAnswer
}

export default function Contracts({ loaderData, actionData }: Route.ComponentProps) {
  const { settings, tiers, tier, displayName } = loaderData
  const current = tiers.find((t) => t.tier === tier) ?? tiers[0]!
  const forThisTier = actionData && actionData.intent !== 'settings' && actionData.tier === current.tier ? actionData : undefined
  const forSettings = actionData?.intent === 'settings' ? actionData : undefined
  return (
    <section aria-labelledby="contracts-title" className="space-y-8">
      <div>
        <h1 id="contracts-title" className="text-2xl font-bold sm:text-3xl">
          Contracts
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-muted">
          The agreement each buyer gets with their license. At checkout the contract is filled with the order’s details and frozen
          into the order with its fingerprint (SHA-256): editing it later never changes a contract already sold.
        </p>
      </div>

      <nav aria-label="License tier" className="flex flex-wrap gap-2">
        {tiers.map((t) => (
          <Link
            key={t.tier}
            to={`?tier=${t.tier}`}
            preventScrollReset
            aria-current={t.tier === current.tier ? 'page' : undefined}
            className={`rounded-lg border px-3 py-1.5 text-sm font-medium ${t.tier === current.tier ? 'border-accent bg-accent/15 text-white' : 'border-line text-muted hover:text-white'}`}
          >
            {t.label}
            {t.isDefault ? '' : ' · edited'}
          </Link>
        ))}
      </nav>

      <ContractEditor
        key={`${current.tier}:${current.body}`}
        tier={current.tier}
        label={current.label}
        body={current.body}
        isDefault={current.isDefault}
        preview={current.preview}
        serverError={forThisTier?.errors.formError}
        saved={forThisTier?.saved}
      />

      <div className="space-y-3 border-t border-line pt-6">
        <h2 className="text-lg font-bold">Contract settings</h2>
        <p className="max-w-3xl text-sm text-muted">These fill the variables of every tier’s contract.</p>
        <IntentForm intent="settings" submitLabel="Save settings">
          {forSettings?.saved ? <FormAlert tone="success">Settings saved. New orders use them from now on.</FormAlert> : null}
          {forSettings && !forSettings.saved ? <FormAlert>{forSettings.errors.formError ?? 'Some settings need fixing: see the messages below.'}</FormAlert> : null}
          <ContractSettingsFields settings={settings} errors={forSettings?.errors} displayName={displayName} />
        </IntentForm>
      </div>
    </section>
  )
}

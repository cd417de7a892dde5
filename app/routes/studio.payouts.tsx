import { Form, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/studio.payouts'
import { FormErrorsAlert } from '~/components/form-errors'
import { buttonClass, FormAlert, TextField } from '~/components/studio/fields'
import { requireProducer } from '~/lib/auth/session.server'
import { NO_ERRORS, parseForm } from '~/lib/form'
import { formFailure, invariantResponse } from '~/lib/http/errors'
import { readForm } from '~/lib/http/read-body'
import { logger } from '~/lib/logger.server'
import { formatMoney } from '~/lib/money'
import { refreshOwnConnectStatus, startConnect } from '~/lib/payouts/connect.server'
import { getPayoutsPage, removeSplit, saveSplit, splitSchema, type ConnectState } from '~/lib/payouts/studio.server'

export const meta: Route.MetaFunction = () => [{ title: 'Payouts · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  // Back from Stripe: read the account now rather than wait for its webhook.
  if (new URL(request.url).searchParams.get('stripe') === 'return')
    await refreshOwnConnectStatus(producer.id).catch((err: unknown) => logger.warn({ err }, 'could not read the Stripe account on return'))
  return getPayoutsPage(producer.id)
}

const intentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('connect') }),
  z.object({ intent: z.literal('add-split') }).passthrough(),
  z.object({ intent: z.literal('remove-split'), splitId: z.string().max(100) }),
])

export async function action({ request }: Route.ActionArgs) {
  const producer = await requireProducer(request)
  const form = await readForm(request)
  const parsed = intentSchema.safeParse(Object.fromEntries(form))
  invariantResponse(parsed.success, 'Unknown or incomplete action.')
  try {
    if (parsed.data.intent === 'connect') {
      const started = await startConnect(producer.id)
      if (started.kind === 'redirect') return redirect(started.url)
      return { ok: true as const, message: 'Connected (test mode). Your earnings are recorded as test transfers.', errors: NO_ERRORS }
    }
    if (parsed.data.intent === 'remove-split') {
      await removeSplit(producer.id, parsed.data.splitId)
      return { ok: true as const, message: 'Split removed; later sales pay you that part.', errors: NO_ERRORS }
    }
    const split = parseForm(form, splitSchema)
    if (!split.ok) return { ok: false as const, errors: split.errors }
    const { invited } = await saveSplit(producer, split.data)
    return {
      ok: true as const,
      message: invited
        ? `Saved. ${split.data.email} has no Beatstall account yet: their share waits in the ledger until they sign up with that address and connect Stripe.`
        : 'Saved. The split applies to sales from now on.',
      errors: NO_ERRORS,
    }
  } catch (error) {
    return formFailure(error, { ok: false as const })
  }
}

const STATE_TEXT: Record<ConnectState, { title: string; text: string }> = {
  'not-connected': { title: 'Not connected', text: 'Your earnings are recorded in the ledger and wait until you connect a Stripe account.' },
  'stand-in': { title: 'Connected (test mode)', text: 'Test mode: no real Stripe account. Transfers are recorded as test transfers; no money moves.' },
  onboarding: { title: 'Finish on Stripe', text: 'Stripe still needs some details. Continue where you left off; earnings wait meanwhile.' },
  restricted: { title: 'Payouts paused by Stripe', text: 'Stripe has your details but has not enabled payouts yet. Earnings wait and go out once it does.' },
  enabled: { title: 'Connected', text: 'Your share of each sale is transferred to your Stripe account after the payment.' },
}

export default function Payouts({ loaderData, actionData }: Route.ComponentProps) {
  const { state, standInMode, accountId, fee, currency, beats, splits } = loaderData
  const busy = useNavigation().state === 'submitting'
  const errors = actionData && !actionData.ok ? actionData.errors : undefined
  const connected = state === 'stand-in' || state === 'enabled'
  return (
    <section aria-labelledby="payouts-title" className="space-y-6">
      <div>
        <h1 id="payouts-title" className="text-2xl font-bold sm:text-3xl">
          Payouts
        </h1>
        <p className="mt-1 text-sm text-muted">
          Each paid license, minus the store’s fee ({fee.percent} %{fee.fixedCents ? ` + ${formatMoney(fee.fixedCents, currency)}` : ''} per line), is yours — shared with the
          collaborators you add below.
        </p>
      </div>
      {actionData?.ok ? <FormAlert tone="success">{actionData.message}</FormAlert> : <FormErrorsAlert errors={errors} />}

      <div className="rounded-2xl border border-line bg-panel p-5">
        <h2 className="font-semibold">Stripe account</h2>
        <p className="mt-2 text-sm">
          <strong>{STATE_TEXT[state].title}.</strong> {STATE_TEXT[state].text}
        </p>
        {accountId && state !== 'not-connected' ? <p className="mt-1 break-all font-mono text-xs text-muted">{accountId}</p> : null}
        {connected ? null : (
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="connect" />
            <button type="submit" className={buttonClass.primary} disabled={busy}>
              {state === 'not-connected' ? 'Connect with Stripe' : 'Continue on Stripe'}
            </button>
            {standInMode ? (
              <p className="mt-2 text-xs text-amber-200">Test mode: no real Stripe account. This store has no Stripe keys, so a stand-in connects at once.</p>
            ) : null}
          </Form>
        )}
      </div>

      <div className="rounded-2xl border border-line bg-panel p-5">
        <h2 className="font-semibold">Collaborator splits</h2>
        <p className="mt-1 text-sm text-muted">Give a collaborator a whole percent of your share of a beat; you keep the rest. Applies to sales from now on.</p>
        {splits.length ? (
          <ul className="mt-4 divide-y divide-line">
            {splits.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                <span className="min-w-0 flex-1">
                  <span className="font-medium">{s.beatTitle}</span> → {s.payee} {s.invited ? <span className="text-xs text-muted">(invited)</span> : null}
                </span>
                <span className="tabular-nums">{s.percent} %</span>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-split" />
                  <input type="hidden" name="splitId" value={s.id} />
                  <button type="submit" className="text-xs text-muted underline hover:text-white" aria-label={`Remove ${s.payee} from ${s.beatTitle}`}>
                    Remove
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-4 text-sm text-muted">No splits yet: every share is yours.</p>
        )}
        {beats.length ? (
          <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-[2fr_2fr_1fr_auto] sm:items-end">
            <input type="hidden" name="intent" value="add-split" />
            <div className="space-y-1.5">
              <label htmlFor="split-beat" className="block text-sm font-medium text-zinc-200">
                Beat
              </label>
              <select id="split-beat" name="beatId" className="block w-full rounded-lg border border-line bg-ink px-3 py-2 text-sm text-white">
                {beats.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.title}
                  </option>
                ))}
              </select>
            </div>
            <TextField label="Collaborator email" name="email" type="email" required error={errors?.fieldErrors.email?.[0]} />
            <TextField label="Percent" name="percent" type="number" min={1} max={100} step={1} required error={errors?.fieldErrors.percent?.[0]} />
            <button type="submit" className={buttonClass.secondary} disabled={busy}>
              Add split
            </button>
          </Form>
        ) : null}
      </div>
    </section>
  )
}

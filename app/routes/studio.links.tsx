import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/studio.links'
import { buttonClass, FormAlert, TextAreaField, TextField } from '~/components/studio/fields'
import { FormErrorsAlert } from '~/components/form-errors'
import { requireProducer } from '~/lib/auth/session.server'
import { getEnv } from '~/lib/env.server'
import { firstError, NO_ERRORS, parseForm, type FormErrors } from '~/lib/form'
import { formFailure, invariantResponse } from '~/lib/http/errors'
import { readForm } from '~/lib/http/read-body'
import { formatPrice } from '~/lib/money'
import { createPrivateLink, revokeLink, studioPrivateLinks } from '~/lib/private-links/private-links.server'
import { NewPrivateLinkSchema } from '~/lib/private-links/schema'
import { LINK_ID_PATTERN } from '~/lib/private-links/link-state'
import { LICENSE_TIERS, TIER_IDS } from '~/lib/tiers'
import { listStudioBeats } from '~/models/studio-beat.server'

// Private links: the producer sends an unreleased (or any) beat to one artist, at a price for them,
// until a date. The list shows each link's opens and sales; revoking is one click.

export const meta: Route.MetaFunction = () => [{ title: 'Private links · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  const [links, beats] = await Promise.all([studioPrivateLinks(producer.id), listStudioBeats(producer.id)])
  return {
    links,
    beats: beats.filter((b) => b.status !== 'ARCHIVED').map((b) => ({ id: b.id, title: b.title, status: b.status })),
    origin: getEnv().APP_URL,
    currency: getEnv().CURRENCY,
  }
}

const Revoke = z.object({ linkId: z.string().regex(LINK_ID_PATTERN, 'That is not a private link.') })

type ActionAnswer = { errors: FormErrors; created?: string; revoked?: boolean }

export async function action({ request }: Route.ActionArgs) {
  const producer = await requireProducer(request)
  const form = await readForm(request)
  const intent = form.get('intent')
  invariantResponse(intent === 'create' || intent === 'revoke', 'Unknown action.')
  if (intent === 'revoke') {
    const parsed = Revoke.safeParse({ linkId: form.get('linkId') })
    invariantResponse(parsed.success, 'That is not a private link.')
    try {
      await revokeLink(producer.id, parsed.data.linkId)
      return data<ActionAnswer>({ errors: NO_ERRORS, revoked: true })
    } catch (error) {
      return formFailure(error, {})
    }
  }
  const parsed = parseForm(form, NewPrivateLinkSchema)
  if (!parsed.ok) return data<ActionAnswer>({ errors: parsed.errors }, { status: 400 })
  try {
    const link = await createPrivateLink(producer.id, parsed.data)
    return data<ActionAnswer>({ errors: NO_ERRORS, created: link.id })
  } catch (error) {
    return formFailure(error, {})
  }
}

const STATE_LABEL = { open: 'Open', expired: 'Expired', revoked: 'Revoked', 'used-up': 'Used up' } as const

/** Tomorrow at the same time, for the date-time input's default (local time, minute precision). */
function defaultExpiry() {
  const d = new Date(Date.now() + 7 * 24 * 3600_000)
  d.setSeconds(0, 0)
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

export default function PrivateLinks({ loaderData, actionData }: Route.ComponentProps) {
  const { links, beats, origin, currency } = loaderData
  const answer = actionData as ActionAnswer | undefined
  const errors = answer?.errors
  return (
    <section aria-labelledby="links-title" className="space-y-8">
      <div>
        <h1 id="links-title" className="text-2xl font-bold sm:text-3xl">
          Private links
        </h1>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          Send a beat to one artist before (or without) putting it in the store: a short link that works until the date you
          choose, at your own price for them, for as many purchases as you allow. Beats shared this way stay out of the
          catalog and search.
        </p>
      </div>

      <Form method="post" className="space-y-4 rounded-2xl border border-line bg-panel p-4 sm:p-6" noValidate>
        <input type="hidden" name="intent" value="create" />
        <h2 className="text-lg font-bold">New link</h2>
        {answer?.created ? (
          <FormAlert tone="success">
            Link created: <span className="break-all font-mono">{`${origin}/l/${answer.created}`}</span>
          </FormAlert>
        ) : null}
        {errors ? <FormErrorsAlert errors={errors} /> : null}
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-200">Beats</legend>
          {beats.length === 0 ? <p className="text-sm text-muted">Add a beat first.</p> : null}
          <div className="grid gap-2 sm:grid-cols-2">
            {beats.map((beat) => (
              <label key={beat.id} className="flex items-center gap-2 rounded-lg border border-line px-3 py-2 text-sm">
                <input type="checkbox" name="beatIds" value={beat.id} className="accent-[var(--color-accent)]" />
                <span className="min-w-0 truncate">{beat.title}</span>
                {beat.status !== 'PUBLISHED' ? <span className="ml-auto text-xs text-muted">unpublished</span> : null}
              </label>
            ))}
          </div>
          {firstError(errors, 'beatIds') ? <p className="text-sm text-red-300">{firstError(errors, 'beatIds')}</p> : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Expires" name="expiresAt" type="datetime-local" defaultValue={defaultExpiry()} required error={firstError(errors, 'expiresAt')} />
          <TextField
            label="Purchases allowed"
            name="purchaseCap"
            inputMode="numeric"
            placeholder="No cap"
            hint="Each checkout holds a purchase until it expires."
            error={firstError(errors, 'purchaseCap')}
          />
        </div>
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-medium text-zinc-200">Prices for this link (empty = the beat's own price; only for licenses the beat offers)</legend>
          {TIER_IDS.map((tier) => (
            <TextField key={tier} label={LICENSE_TIERS[tier].label} name={`price_${tier}`} inputMode="decimal" placeholder="Beat's price" error={firstError(errors, `price_${tier}`)} />
          ))}
        </fieldset>
        <TextAreaField label="Note to the artist" name="note" rows={2} maxLength={500} error={firstError(errors, 'note')} />
        <div className="flex justify-end">
          <button type="submit" className={buttonClass.primary}>
            Create link
          </button>
        </div>
      </Form>

      <div className="space-y-3">
        <h2 className="text-lg font-bold">Your links</h2>
        {links.length === 0 ? <p className="text-sm text-muted">No private links yet.</p> : null}
        <ul className="space-y-3">
          {links.map((link) => (
            <li key={link.id} className="rounded-2xl border border-line bg-panel p-4" data-testid="private-link">
              <div className="flex flex-wrap items-start gap-3">
                <div className="min-w-0 flex-1">
                  <p className="break-all font-mono text-sm text-accent">{`${origin}/l/${link.id}`}</p>
                  <p className="mt-1 text-sm">{link.beatTitles.join(', ')}</p>
                  {link.note ? <p className="mt-1 text-xs text-muted">“{link.note}”</p> : null}
                </div>
                <span
                  className={`rounded-full px-2.5 py-1 text-xs font-semibold ${link.state === 'open' ? 'bg-emerald-500/15 text-emerald-200' : 'bg-white/5 text-muted'}`}
                >
                  {STATE_LABEL[link.state]}
                </span>
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
                <Fact term="Opens" value={String(link.opens)} />
                <Fact term="Sales" value={link.purchaseCap === null ? String(link.sales) : `${link.sales} of ${link.purchaseCap}`} />
                <Fact term="Expires" value={new Date(link.expiresAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })} />
                <Fact
                  term="Prices"
                  value={
                    Object.entries(link.tierPrices)
                      .map(([tier, cents]) => `${LICENSE_TIERS[tier as keyof typeof LICENSE_TIERS].label} ${formatPrice(cents, currency)}`)
                      .join(' · ') || 'Beat prices'
                  }
                />
              </dl>
              {link.state === 'open' ? (
                <Form method="post" className="mt-3 flex justify-end">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="linkId" value={link.id} />
                  <button type="submit" className={buttonClass.danger}>
                    Revoke
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] font-semibold uppercase tracking-wide text-muted">{term}</dt>
      <dd className="truncate">{value}</dd>
    </div>
  )
}

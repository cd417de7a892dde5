import { data, Form, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/test-checkout.$sessionId'
import { FormErrorsAlert } from '~/components/form-errors'
import { firstError, parseForm } from '~/lib/form'
import { formatMoney } from '~/lib/money'
import { discountDescription } from '~/lib/payments/checkout-session.server'
import { findTestCheckoutOrder, isTestCheckoutOpen, payTestCheckout } from '~/lib/payments/test-checkout.server'
import { LICENSE_TIERS } from '~/lib/tiers'
import { readForm } from '~/lib/http/read-body'

// The built-in test checkout (no STRIPE_SECRET_KEY): stands in for Stripe's hosted page. "Pay"
// hands a signed checkout.session.completed to the store's webhook handler, like Stripe would.

/** The stand-in's order while it can still be paid; otherwise what Stripe's page would do instead. */
async function requireOpenOrder(sessionId: string) {
  const order = await findTestCheckoutOrder(sessionId)
  if (!order) throw data('This test checkout does not exist.', { status: 404 })
  if (order.status !== 'PENDING') throw redirect(`/checkout/success?session_id=${encodeURIComponent(sessionId)}`)
  if (!isTestCheckoutOpen(order)) throw data('This test checkout has expired. Your cart is still there: check out again.', { status: 410 })
  return order
}

export async function loader({ params }: Route.LoaderArgs) {
  const order = await requireOpenOrder(params.sessionId)
  return {
    sessionId: params.sessionId,
    currency: order.currency,
    totalCents: order.totalCents,
    email: order.email ?? '',
    lines: order.items.map((i) => ({ id: i.id, title: i.beatTitle, producer: i.producerName, tier: LICENSE_TIERS[i.tier].label, priceCents: i.priceCents, discount: discountDescription(i, order.currency) })),
  }
}

const ActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('pay'),
    email: z.email('Enter a valid email address.'),
    name: z.string().trim().min(1, 'Enter the name on the card.').max(120),
  }),
  z.object({ intent: z.literal('cancel') }),
])

export async function action({ request, params }: Route.ActionArgs) {
  const order = await requireOpenOrder(params.sessionId)
  const form = parseForm(await readForm(request), ActionSchema)
  if (!form.ok) return data({ errors: form.errors }, { status: 400 })
  if (form.data.intent === 'cancel') return redirect('/cart')
  const successUrl = await payTestCheckout(order, form.data)
  return redirect(successUrl)
}

export const meta: Route.MetaFunction = () => [{ title: 'Test checkout — no real payment · Beatstall' }, { name: 'robots', content: 'noindex' }]

export default function TestCheckout({ loaderData, actionData }: Route.ComponentProps) {
  const { lines, totalCents, currency, email } = loaderData
  const errors = actionData?.errors
  const busy = useNavigation().state !== 'idle'
  return (
    <div className="mx-auto max-w-4xl">
      <div className="mb-6 rounded-2xl border-2 border-dashed border-accent/70 bg-accent/10 p-4" role="note">
        <h1 className="text-xl font-black tracking-tight sm:text-2xl">Test checkout — no real payment</h1>
        <p className="mt-1 text-sm text-zinc-300">
          This store has no Stripe key configured, so this page stands in for Stripe&apos;s checkout. Nothing is charged; &ldquo;Pay&rdquo; marks the order as paid through the same webhook Stripe would call.
        </p>
      </div>
      <div className="grid items-start gap-6 md:grid-cols-[1fr_22rem]">
        <section aria-labelledby="summary-title" className="rounded-2xl border border-line bg-panel">
          <h2 id="summary-title" className="border-b border-line px-4 py-3 text-sm font-semibold text-muted">
            Order summary
          </h2>
          <ul className="divide-y divide-line">
            {lines.map((l) => (
              <li key={l.id} className="flex items-start justify-between gap-3 px-4 py-3" data-testid="test-checkout-line">
                <div className="min-w-0">
                  <p className="font-semibold">{l.title}</p>
                  <p className="text-sm text-muted">
                    {l.producer} · {l.tier} license
                  </p>
                  {l.discount ? <p className="text-xs text-emerald-300">{l.discount}</p> : null}
                </div>
                <p className="tabular-nums">{formatMoney(l.priceCents, currency)}</p>
              </li>
            ))}
          </ul>
          <p className="flex justify-between border-t border-line px-4 py-3 font-bold">
            <span>Total due</span>
            <span className="tabular-nums" data-testid="test-checkout-total">
              {formatMoney(totalCents, currency)}
            </span>
          </p>
        </section>
        <Form method="post" className="space-y-4 rounded-2xl border border-line bg-panel p-4" aria-labelledby="pay-title">
          <h2 id="pay-title" className="font-semibold">
            Pay (test)
          </h2>
          <FormErrorsAlert errors={errors} />
          <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={email} error={firstError(errors, 'email')} />
          <Field label="Name on card" name="name" autoComplete="cc-name" error={firstError(errors, 'name')} />
          <button
            type="submit"
            name="intent"
            value="pay"
            disabled={busy}
            className="w-full rounded-full bg-accent px-5 py-2.5 font-bold text-accent-ink hover:brightness-110 disabled:opacity-60"
          >
            {busy ? 'Paying…' : `Pay ${formatMoney(totalCents, currency)}`}
          </button>
          <button type="submit" name="intent" value="cancel" formNoValidate className="w-full rounded-full px-5 py-2 text-sm text-muted hover:text-white">
            Cancel and return to the cart
          </button>
        </Form>
      </div>
    </div>
  )
}

function Field({ label, name, error, ...rest }: { label: string; name: string; error?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = `tc-${name}`
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 w-full rounded-xl border border-line bg-ink px-3 py-2 text-zinc-100 placeholder:text-zinc-500"
        {...rest}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  )
}

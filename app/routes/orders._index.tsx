import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/orders._index'
import { FormErrorsAlert } from '~/components/form-errors'
import { normalizeEmail, readAccess } from '~/lib/access/order-access.server'
import { getEnv } from '~/lib/env.server'
import { fieldError, firstError, NO_ERRORS } from '~/lib/form'
import { formFailure } from '~/lib/http/errors'
import { requestOrderLink } from '~/lib/mail/order-link.server'
import { createRateLimit } from '~/lib/security/rate-limit.server'
import { keepRetryAfter } from '~/lib/http/retry-after'
import { readForm } from '~/lib/http/read-body'

// /orders: a buyer types their email and gets a 30-minute link to all their orders. The answer is
// the same whether or not the address bought anything, so nobody learns who bought what.

const perIp = createRateLimit({ name: 'order-link-ip', points: 10, durationSeconds: 15 * 60 })
const perAddress = createRateLimit({ name: 'order-link-email', points: 3, durationSeconds: 15 * 60 })

const FormSchema = z.object({ email: z.email().max(320) })

export const headers = keepRetryAfter

export const meta: Route.MetaFunction = () => [{ title: 'Your orders · Beatstall' }]

export async function loader({ request }: Route.LoaderArgs) {
  // A buyer whose order link is still open (this browser) can go straight to their orders.
  const access = await readAccess(request)
  return { devMailbox: getEnv().testMode.mail, openLink: access.ok }
}

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = FormSchema.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) {
    return data({ sent: false, errors: fieldError('email', 'Please enter a valid email address.') }, { status: 400 })
  }
  const message = 'Too many requests for an order link. Please wait a few minutes and try again.'
  try {
    await perIp.consume(`ip:${context.ip}`, message)
    await perAddress.consume(`email:${normalizeEmail(parsed.data.email)}`, message)
  } catch (error) {
    return formFailure(error, { sent: false })
  }
  await requestOrderLink(parsed.data.email)
  return { sent: true, errors: NO_ERRORS }
}

export default function OrdersRequest({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const emailError = firstError(actionData?.errors, 'email')
  return (
    <section className="mx-auto max-w-lg py-8 sm:py-12" aria-labelledby="orders-title">
      <h1 id="orders-title" className="text-3xl font-bold">
        Your orders
      </h1>
      <p className="mt-3 text-muted">
        Bought beats before? Enter the email address you paid with and we will send you a link to all your orders,
        downloads and license PDFs. The link works for 30 minutes.
      </p>
      {loaderData.openLink && !actionData?.sent ? (
        <p className="mt-6 rounded-xl border border-accent/40 bg-accent/10 px-4 py-3 text-sm">
          Your order link is still open in this browser.{' '}
          <Link to="/orders/view" className="font-semibold text-accent underline">
            Go to my orders
          </Link>
        </p>
      ) : null}
      {actionData?.sent ? (
        <div role="status" className="mt-8 rounded-2xl border border-line bg-panel p-6">
          <p className="font-semibold">Check your inbox.</p>
          <p className="mt-2 text-muted">If we have orders for that address, a link is on its way.</p>
          {loaderData.devMailbox ? (
            <p className="mt-4 text-sm text-muted">
              Test mode: mail is not sent, it lands in the{' '}
              <Link to="/dev/mailbox" className="text-accent underline">
                development mailbox
              </Link>
              .
            </p>
          ) : null}
        </div>
      ) : (
        <Form method="post" className="mt-8 rounded-2xl border border-line bg-panel p-6" noValidate>
          <label htmlFor="email" className="block text-sm font-semibold">
            Email address
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? 'email-error' : undefined}
            className="mt-2 w-full rounded-lg border border-line bg-ink px-3 py-2 focus:outline-2 focus:outline-accent"
          />
          {emailError ? (
            <p id="email-error" role="alert" className="mt-2 text-sm text-red-400">
              {emailError}
            </p>
          ) : null}
          <div className="mt-2">
            <FormErrorsAlert errors={actionData?.errors} />
          </div>
          <button
            type="submit"
            disabled={busy}
            className="mt-4 w-full rounded-full bg-accent px-5 py-2 font-semibold text-accent-ink disabled:opacity-60 sm:w-auto"
          >
            {busy ? 'Sending…' : 'Email me my order link'}
          </button>
        </Form>
      )}
    </section>
  )
}

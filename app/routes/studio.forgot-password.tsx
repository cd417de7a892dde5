import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/studio.forgot-password'
import { AuthCard } from '~/components/studio/auth-card'
import { buttonClass, FormAlert, TextField } from '~/components/studio/fields'
import { requestPasswordReset } from '~/lib/auth/password-reset.server'
import { emailSchema } from '~/lib/auth/schemas'
import { formFailure } from '~/lib/http/errors'
import { firstError, NO_ERRORS, parseForm } from '~/lib/form'
import { keepRetryAfter } from '~/lib/http/retry-after'
import { readForm } from '~/lib/http/read-body'

export const headers = keepRetryAfter

export const meta: Route.MetaFunction = () => [{ title: 'Reset your password · Beatstall studio' }]

export async function action({ request, context }: Route.ActionArgs) {
  const form = parseForm(await readForm(request), z.object({ email: emailSchema }))
  if (!form.ok) return data({ sent: false as const, errors: form.errors }, { status: 400 })
  try {
    await requestPasswordReset(form.data.email, context.ip)
  } catch (error) {
    return formFailure(error, { sent: false as const })
  }
  // The same answer whether or not the email has an account.
  return { sent: true as const, errors: NO_ERRORS }
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const errors = actionData?.errors
  return (
    <AuthCard
      title="Reset your password"
      subtitle="We will email you a link to choose a new one. It works once, for one hour."
      footer={
        <Link to="/studio/login" className="font-medium text-accent hover:underline">
          Back to sign in
        </Link>
      }
    >
      {actionData?.sent ? (
        <FormAlert tone="success">If that email has a studio, a reset link is on its way. Check your inbox.</FormAlert>
      ) : (
        <Form method="post" className="space-y-4" noValidate>
          <TextField label="Email" name="email" type="email" autoComplete="email" required error={firstError(errors, 'email')} />
          <button type="submit" className={`${buttonClass.primary} w-full`} disabled={busy}>
            {busy ? 'Sending…' : 'Email me a reset link'}
          </button>
        </Form>
      )}
    </AuthCard>
  )
}

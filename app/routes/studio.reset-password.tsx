import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/studio.reset-password'
import { FormErrorsAlert } from '~/components/form-errors'
import { AuthCard } from '~/components/studio/auth-card'
import { buttonClass, FormAlert, TextField } from '~/components/studio/fields'
import { checkResetToken, resetPassword, type TokenState } from '~/lib/auth/password-reset.server'
import { newPasswordSchema } from '~/lib/auth/schemas'
import { createProducerSession } from '~/lib/auth/session.server'
import { firstError, formError, parseForm } from '~/lib/form'
import { readForm } from '~/lib/http/read-body'

export const meta: Route.MetaFunction = () => [{ title: 'Choose a new password · Beatstall studio' }]

const TOKEN_MESSAGES: Record<Exclude<TokenState, 'valid'>, string> = {
  invalid: 'This reset link is not valid. Ask for a new one.',
  expired: 'This reset link has expired (links last one hour). Ask for a new one.',
  used: 'This reset link was already used. Ask for a new one if you still need it.',
}

const tokenSchema = z.string().min(10).max(200)

export async function loader({ request }: Route.LoaderArgs) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get('token'))
  const state: TokenState = token.success ? await checkResetToken(token.data) : 'invalid'
  return { state, token: token.success ? token.data : '' }
}

export async function action({ request }: Route.ActionArgs) {
  const form = parseForm(
    await readForm(request),
    z
      .object({ token: tokenSchema, password: newPasswordSchema, confirm: z.string() })
      .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords do not match.' }),
  )
  if (!form.ok) return data({ errors: form.errors }, { status: 400 })
  const result = await resetPassword(form.data.token, form.data.password)
  if (!result.ok) return data({ errors: formError(TOKEN_MESSAGES[result.state === 'valid' ? 'invalid' : result.state]) }, { status: 410 })
  return createProducerSession(request, result.producer, '/studio')
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const errors = actionData?.errors
  const footer = (
    <Link to="/studio/forgot-password" className="font-medium text-accent hover:underline">
      Ask for a new link
    </Link>
  )
  if (loaderData.state !== 'valid') {
    return (
      <AuthCard title="Choose a new password" footer={footer}>
        <FormAlert>{TOKEN_MESSAGES[loaderData.state]}</FormAlert>
      </AuthCard>
    )
  }
  return (
    <AuthCard title="Choose a new password" footer={footer}>
      <Form method="post" className="space-y-4" noValidate>
        <FormErrorsAlert errors={errors} />
        <input type="hidden" name="token" value={loaderData.token} />
        <TextField label="New password" name="password" type="password" autoComplete="new-password" required minLength={10} error={firstError(errors, 'password')} hint="At least 10 characters." />
        <TextField label="Repeat it" name="confirm" type="password" autoComplete="new-password" required error={firstError(errors, 'confirm')} />
        <button type="submit" className={`${buttonClass.primary} w-full`} disabled={busy}>
          {busy ? 'Saving…' : 'Save and sign in'}
        </button>
        <p className="text-xs text-muted">This also signs your studio out on every other device.</p>
      </Form>
    </AuthCard>
  )
}

import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/studio.signup'
import { FormErrorsAlert } from '~/components/form-errors'
import { AuthCard } from '~/components/studio/auth-card'
import { buttonClass, TextField } from '~/components/studio/fields'
import { signUp } from '~/lib/auth/accounts.server'
import { signUpSchema } from '~/lib/auth/schemas'
import { createProducerSession, getProducer } from '~/lib/auth/session.server'
import { formFailure } from '~/lib/http/errors'
import { fieldError, firstError, parseForm } from '~/lib/form'
import { keepRetryAfter } from '~/lib/http/retry-after'
import { readForm } from '~/lib/http/read-body'

export const headers = keepRetryAfter

export const meta: Route.MetaFunction = () => [{ title: 'Create your studio · Beatstall' }]

export async function loader({ request }: Route.LoaderArgs) {
  if (await getProducer(request)) throw redirect('/studio')
  return null
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = parseForm(await readForm(request), signUpSchema)
  if (!form.ok) return data({ errors: form.errors }, { status: 400 })
  try {
    const result = await signUp({ ...form.data, ip: context.ip })
    if (!result.ok) return data({ errors: fieldError(result.field, result.error) }, { status: 409 })
    return await createProducerSession(request, result.producer, '/studio')
  } catch (error) {
    return formFailure(error, {})
  }
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const errors = actionData?.errors
  return (
    <AuthCard
      title="Start selling your beats"
      subtitle="Free to set up. You keep control of prices and license terms."
      footer={
        <>
          Already have a studio?{' '}
          <Link to="/studio/login" className="font-medium text-accent hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <Form method="post" className="space-y-4" noValidate>
        <FormErrorsAlert errors={errors} />
        <TextField label="Producer name" name="displayName" autoComplete="nickname" required maxLength={60} error={firstError(errors, 'displayName')} hint="Shown on your beats and public page." />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={firstError(errors, 'email')} />
        <TextField label="Password" name="password" type="password" autoComplete="new-password" required minLength={10} error={firstError(errors, 'password')} hint="At least 10 characters." />
        <button type="submit" className={`${buttonClass.primary} w-full`} disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </Form>
    </AuthCard>
  )
}

import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/studio.login'
import { FormErrorsAlert } from '~/components/form-errors'
import { AuthCard } from '~/components/studio/auth-card'
import { buttonClass, TextField } from '~/components/studio/fields'
import { signIn } from '~/lib/auth/accounts.server'
import { signInSchema } from '~/lib/auth/schemas'
import { createProducerSession, getProducer } from '~/lib/auth/session.server'
import { formFailure } from '~/lib/http/errors'
import { firstError, formError, parseForm } from '~/lib/form'
import { keepRetryAfter } from '~/lib/http/retry-after'
import { readForm } from '~/lib/http/read-body'

export const headers = keepRetryAfter

export const meta: Route.MetaFunction = () => [{ title: 'Sign in · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  if (await getProducer(request)) throw redirect('/studio')
  return null
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = parseForm(await readForm(request), signInSchema)
  if (!form.ok) return data({ errors: form.errors, email: '' }, { status: 400 })
  const { email, password, redirectTo } = form.data
  try {
    const result = await signIn({ email, password, ip: context.ip })
    if (!result.ok) return data({ errors: formError(result.error), email }, { status: 401 })
    return await createProducerSession(request, result.producer, redirectTo)
  } catch (error) {
    return formFailure(error, { email })
  }
}

export default function Login({ actionData }: Route.ComponentProps) {
  const [params] = useSearchParams()
  const busy = useNavigation().state === 'submitting'
  const errors = actionData?.errors
  return (
    <AuthCard
      title="Sign in to your studio"
      subtitle="Upload beats, set prices and watch your sales."
      footer={
        <>
          New here?{' '}
          <Link to="/studio/signup" className="font-medium text-accent hover:underline">
            Create a producer account
          </Link>
        </>
      }
    >
      <Form method="post" className="space-y-4" noValidate>
        <FormErrorsAlert errors={errors} />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/studio'} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.email} error={firstError(errors, 'email')} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={firstError(errors, 'password')} />
        <button type="submit" className={`${buttonClass.primary} w-full`} disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="text-center text-sm">
          <Link to="/studio/forgot-password" className="text-muted hover:text-white hover:underline">
            Forgot your password?
          </Link>
        </p>
      </Form>
    </AuthCard>
  )
}

import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/studio.login'
import { AuthCard } from '~/components/studio/auth-card'
import { buttonClass, FormAlert, TextField } from '~/components/studio/fields'
import { signIn } from '~/lib/auth/accounts.server'
import { signInSchema } from '~/lib/auth/schemas'
import { createProducerSession, getProducer } from '~/lib/auth/session.server'
import { assertSameOrigin } from '~/lib/security/same-origin.server'
import { answerRateLimited, keepRetryAfter } from '~/lib/security/too-many-requests'
import { parseForm } from '~/lib/studio/form'

export const headers = keepRetryAfter

export const meta: Route.MetaFunction = () => [{ title: 'Sign in · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  if (await getProducer(request)) throw redirect('/studio')
  return null
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request)
  const form = parseForm(await request.formData(), signInSchema)
  if (!form.ok) return data({ errors: form.errors, email: '' }, { status: 400 })
  try {
    const result = await signIn({ email: form.data.email, password: form.data.password, ip: context.ip })
    if (!result.ok) return data({ errors: { form: result.error }, email: form.data.email }, { status: 401 })
    return createProducerSession(result.producer, form.data.redirectTo)
  } catch (error) {
    return answerRateLimited(error, (message) => ({ errors: { form: message }, email: form.data.email }))
  }
}

export default function Login({ actionData }: Route.ComponentProps) {
  const [params] = useSearchParams()
  const busy = useNavigation().state === 'submitting'
  const errors: Record<string, string | undefined> = actionData?.errors ?? {}
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
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/studio'} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.email} error={errors.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
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

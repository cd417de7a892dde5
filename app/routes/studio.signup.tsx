import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/studio.signup'
import { AuthCard } from '~/components/studio/auth-card'
import { buttonClass, FormAlert, TextField } from '~/components/studio/fields'
import { signUp } from '~/lib/auth/accounts.server'
import { signUpSchema } from '~/lib/auth/schemas'
import { createProducerSession, getProducer } from '~/lib/auth/session.server'
import { assertSameOrigin } from '~/lib/security/same-origin.server'
import { answerRateLimited, keepRetryAfter } from '~/lib/security/too-many-requests'
import { parseForm } from '~/lib/studio/form'

export const headers = keepRetryAfter

export const meta: Route.MetaFunction = () => [{ title: 'Create your studio · Beatstall' }]

export async function loader({ request }: Route.LoaderArgs) {
  if (await getProducer(request)) throw redirect('/studio')
  return null
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request)
  const form = parseForm(await request.formData(), signUpSchema)
  if (!form.ok) return data({ errors: form.errors }, { status: 400 })
  try {
    const result = await signUp({ ...form.data, ip: context.ip })
    if (!result.ok) return data({ errors: { [result.field]: result.error } }, { status: 409 })
    return createProducerSession(result.producer, '/studio')
  } catch (error) {
    return answerRateLimited(error, (message) => ({ errors: { form: message } }))
  }
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  const errors: Record<string, string | undefined> = actionData?.errors ?? {}
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
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
        <TextField label="Producer name" name="displayName" autoComplete="nickname" required maxLength={60} error={errors.displayName} hint="Shown on your beats and public page." />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
        <TextField label="Password" name="password" type="password" autoComplete="new-password" required minLength={10} error={errors.password} hint="At least 10 characters." />
        <button type="submit" className={`${buttonClass.primary} w-full`} disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </Form>
    </AuthCard>
  )
}

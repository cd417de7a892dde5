import { data } from 'react-router'
import type { Route } from './+types/studio.terms'
import { FormAlert } from '~/components/studio/fields'
import { IntentForm } from '~/components/studio/intent-form'
import { TermsFields } from '~/components/studio/terms-fields'
import { invariantResponse } from '~/lib/http/errors'
import { requireProducer } from '~/lib/auth/session.server'
import { NO_ERRORS, parseForm } from '~/lib/form'
import { termsFormSchema } from '~/lib/studio/terms'
import { getProducerTerms, saveProducerTerms } from '~/models/producer.server'
import { readForm } from '~/lib/http/read-body'

export const meta: Route.MetaFunction = () => [{ title: 'License terms · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  return { terms: await getProducerTerms(producer.id) }
}

export async function action({ request }: Route.ActionArgs) {
  const producer = await requireProducer(request)
  const form = await readForm(request)
  invariantResponse(form.get('intent') === 'terms', 'Unknown action.')
  const parsed = parseForm(form, termsFormSchema)
  if (!parsed.ok) return data({ errors: parsed.errors, saved: false }, { status: 400 })
  await saveProducerTerms(producer.id, parsed.data)
  return { errors: NO_ERRORS, saved: true }
}

export default function Terms({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <section aria-labelledby="terms-title" className="space-y-6">
      <div>
        <h1 id="terms-title" className="text-2xl font-bold sm:text-3xl">
          License terms
        </h1>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          The usage caps each license grants on all your beats. Leave a number blank for unlimited. Buyers see these on
          the beat page, and every order keeps the terms it was bought under, whatever you change later.
        </p>
      </div>
      <IntentForm intent="terms" submitLabel="Save terms">
        {actionData?.saved ? <FormAlert tone="success">License terms saved. New orders use them from now on.</FormAlert> : null}
        {actionData && !actionData.saved ? <FormAlert>Some caps need fixing: see the messages below.</FormAlert> : null}
        <TermsFields terms={loaderData.terms} errors={actionData?.errors} />
      </IntentForm>
    </section>
  )
}

import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/studio.beats.new'
import { BeatDetailsFields } from '~/components/studio/beat-details-fields'
import { buttonClass } from '~/components/studio/fields'
import { requireProducer } from '~/lib/auth/session.server'
import { beatDetailsSchema } from '~/lib/studio/beat-schema'
import { createStudioBeat } from '~/lib/studio/beats.server'
import { parseForm } from '~/lib/form'
import { readForm } from '~/lib/http/read-body'

export const meta: Route.MetaFunction = () => [{ title: 'New beat · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requireProducer(request)
  return null
}

export async function action({ request }: Route.ActionArgs) {
  const producer = await requireProducer(request)
  const form = parseForm(await readForm(request), beatDetailsSchema)
  if (!form.ok) return data({ errors: form.errors }, { status: 400 })
  const beat = await createStudioBeat(producer.id, form.data)
  return redirect(`/studio/beats/${beat.id}`)
}

export default function NewBeat({ actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting'
  return (
    <section aria-labelledby="new-beat-title" className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link to="/studio" className="text-sm text-muted hover:text-white">
          ← Your beats
        </Link>
        <h1 id="new-beat-title" className="mt-2 text-2xl font-bold sm:text-3xl">
          New beat
        </h1>
        <p className="mt-1 text-sm text-muted">Start with the details; you upload files and set prices on the next page.</p>
      </div>
      <Form method="post" className="space-y-6 rounded-2xl border border-line bg-panel p-5 sm:p-6" noValidate>
        <BeatDetailsFields errors={actionData?.errors} />
        <div className="flex justify-end">
          <button type="submit" className={buttonClass.primary} disabled={busy}>
            {busy ? 'Creating…' : 'Create draft'}
          </button>
        </div>
      </Form>
    </section>
  )
}

import { data, Form } from 'react-router'
import type { Route } from './+types/free.unsubscribe.$token'
import { freeDownloadExists, unsubscribe } from '~/lib/free-downloads/free-download.server'
import { orResponse } from '~/lib/http/errors'

// /free/unsubscribe/:token: GET shows a button (mail scanners follow links, so a GET changes
// nothing); POST withdraws consent to the producer's emails.

export const meta: Route.MetaFunction = () => [{ title: 'Unsubscribe · Beatstall' }, { name: 'robots', content: 'noindex' }]

const notFound = () => data('This unsubscribe link is not valid.', { status: 404 })

export async function loader({ params }: Route.LoaderArgs) {
  const row = await freeDownloadExists(params.token)
  if (!row) throw notFound()
  return { ...row, done: false }
}

export async function action({ params }: Route.ActionArgs) {
  await orResponse(unsubscribe(params.token))
  const row = await freeDownloadExists(params.token)
  return { producerName: row!.producerName, unsubscribed: true, done: true }
}

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const state = actionData ?? loaderData
  return (
    <article className="mx-auto max-w-xl space-y-4">
      <h1 className="text-3xl font-black">Unsubscribe</h1>
      {state.unsubscribed ? (
        <p role="status">You will get no more emails from {state.producerName} through Beatstall.</p>
      ) : (
        <Form method="post" className="space-y-3">
          <p>Stop emails from {state.producerName} about this and other free downloads?</p>
          <button type="submit" className="rounded-full bg-accent px-5 py-2 font-bold text-white">
            Unsubscribe
          </button>
        </Form>
      )}
    </article>
  )
}

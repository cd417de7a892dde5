import { Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/studio.free-downloads'
import { FormAlert } from '~/components/studio/fields'
import { requireProducer } from '~/lib/auth/session.server'
import { freeDownloadsPage, offerFreeDownload } from '~/lib/free-downloads/studio.server'
import { formFailure, invariantResponse } from '~/lib/http/errors'
import { NO_ERRORS } from '~/lib/form'
import { readForm } from '~/lib/http/read-body'

export const meta: Route.MetaFunction = () => [{ title: 'Free downloads · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  return freeDownloadsPage(producer.id)
}

const Toggle = z.object({ beatId: z.uuid(), offer: z.enum(['on', 'off']) })

export async function action({ request }: Route.ActionArgs) {
  const producer = await requireProducer(request)
  const parsed = Toggle.safeParse(Object.fromEntries(await readForm(request)))
  invariantResponse(parsed.success, 'Unknown or incomplete action.')
  try {
    await offerFreeDownload(producer.id, parsed.data.beatId, parsed.data.offer === 'on')
  } catch (error) {
    return formFailure(error, { ok: false as const, message: null })
  }
  return { ok: true as const, message: parsed.data.offer === 'on' ? 'The beat is offered as a free download.' : 'Free download switched off.', errors: NO_ERRORS }
}

const date = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : '—')

export default function FreeDownloads({ loaderData, actionData }: Route.ComponentProps) {
  const { beats, requests } = loaderData
  return (
    <section aria-labelledby="free-title" className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="free-title" className="text-2xl font-bold sm:text-3xl">
            Free downloads
          </h1>
          <p className="text-sm text-muted">
            Offer a beat’s tagged MP3 free for a confirmed email, under a free license: non-profit use, credit “prod. by you”, no
            monetisation. Listeners choose whether to hear from you (unticked by default).
          </p>
        </div>
        <a href="/studio/free-downloads.csv" className="rounded-full border border-line px-4 py-2 text-sm font-semibold" download>
          Export CSV
        </a>
      </div>
      {actionData?.message ? <FormAlert tone="success">{actionData.message}</FormAlert> : null}
      {actionData?.errors.formError ? <FormAlert tone="error">{actionData.errors.formError}</FormAlert> : null}

      <div className="space-y-2">
        <h2 className="text-lg font-bold">Beats</h2>
        {beats.length === 0 ? <p className="text-muted">No beats yet.</p> : null}
        <ul className="divide-y divide-line rounded-2xl border border-line">
          {beats.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center gap-3 p-3">
              <span className="mr-auto font-semibold">
                {b.title} <span className="text-xs font-normal text-muted">{b.status.toLowerCase()}</span>
              </span>
              <span className="text-sm text-muted">{b.freeDownload ? 'Free download on' : 'Off'}</span>
              <Form method="post">
                <input type="hidden" name="beatId" value={b.id} />
                <input type="hidden" name="offer" value={b.freeDownload ? 'off' : 'on'} />
                <button type="submit" className="rounded-full border border-line px-3 py-1 text-sm font-semibold">
                  {b.freeDownload ? 'Switch off' : 'Offer free'}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </div>

      <div className="space-y-2">
        <h2 className="text-lg font-bold">Requests ({requests.length})</h2>
        {requests.length === 0 ? (
          <p className="text-muted">No requests yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-2xl border border-line">
            <table className="w-full min-w-[640px] text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th className="p-3">Email</th>
                  <th className="p-3">Beat</th>
                  <th className="p-3">Date</th>
                  <th className="p-3">Consent</th>
                  <th className="p-3">Confirmed</th>
                  <th className="p-3">Unsubscribed</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {requests.map((r) => (
                  <tr key={r.id}>
                    <td className="p-3 break-all">{r.email}</td>
                    <td className="p-3">{r.beat.title}</td>
                    <td className="p-3 tabular-nums">{date(r.requestedAt)}</td>
                    <td className="p-3">{r.consent ? 'Yes' : 'No'}</td>
                    <td className="p-3 tabular-nums">{date(r.confirmedAt)}</td>
                    <td className="p-3 tabular-nums">{date(r.unsubscribedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  )
}

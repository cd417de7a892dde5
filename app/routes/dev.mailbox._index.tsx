import { Link } from 'react-router'
import type { Route } from './+types/dev.mailbox._index'
import { invariantResponse } from '~/lib/http/errors'
import { getEnv } from '~/lib/env.server'
import { devMailboxOpenTo } from '~/lib/mail/dev-mailbox-access'
import { listDevMail } from '~/lib/mail/dev-mailbox.server'

// /dev/mailbox — a demo's only: the mail the store would have sent, when SMTP_URL is unset.
// On a server, with SMTP configured, or to another machine this page does not exist (404).

export const meta: Route.MetaFunction = () => [{ title: 'Development mailbox · Beatstall' }, { name: 'robots', content: 'noindex' }]

export async function loader({ context }: Route.LoaderArgs) {
  invariantResponse(devMailboxOpenTo(getEnv(), context.ip), 'There is no development mailbox here.', { status: 404 })
  return { mails: await listDevMail() }
}

export default function DevMailbox({ loaderData }: Route.ComponentProps) {
  return (
    <section aria-labelledby="mailbox-title" className="mx-auto max-w-4xl py-6">
      <p role="note" className="rounded-xl border border-yellow-500/50 bg-yellow-500/10 px-4 py-2 text-sm text-yellow-200">
        Development mailbox: SMTP is not configured, so the store keeps outgoing mail here instead of sending it. This
        page does not exist once SMTP_URL is set.
      </p>
      <h1 id="mailbox-title" className="mt-6 text-3xl font-bold">
        Mailbox
      </h1>
      {loaderData.mails.length === 0 ? (
        <p className="mt-6 text-muted">No mail yet. Mail appears here a few seconds after it is queued.</p>
      ) : (
        <ul className="mt-6 divide-y divide-line rounded-2xl border border-line bg-panel">
          {loaderData.mails.map((m) => (
            <li key={m.id}>
              <Link to={`/dev/mailbox/${m.id}`} className="block px-5 py-3 hover:bg-ink focus:bg-ink">
                <span className="block font-semibold">{m.subject}</span>
                <span className="block text-sm text-muted">
                  to {m.to} · {new Date(m.sentAt).toLocaleString('en-US', { timeZone: 'UTC' })} UTC
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

import { Link } from 'react-router'
import type { Route } from './+types/dev.mailbox.$id'
import { invariantResponse } from '~/lib/http/errors'
import { getEnv } from '~/lib/env.server'
import { devMailboxOpenTo } from '~/lib/mail/dev-mailbox-access'
import { readDevMail } from '~/lib/mail/dev-mailbox.server'

// /dev/mailbox/:id — one development message: HTML in a sandboxed frame (links open in this tab),
// and the plain-text part below.

export async function loader({ params, context }: Route.LoaderArgs) {
  invariantResponse(devMailboxOpenTo(getEnv(), context.ip), 'There is no development mailbox here.', { status: 404 })
  const mail = await readDevMail(params.id)
  invariantResponse(mail, 'No such message in the development mailbox.', { status: 404 })
  return { mail }
}

export const meta: Route.MetaFunction = ({ data: d }) => [
  { title: `${d?.mail.subject ?? 'Message'} · Development mailbox · Beatstall` },
  { name: 'robots', content: 'noindex' },
]

export default function DevMailMessage({ loaderData: { mail } }: Route.ComponentProps) {
  // No scripts in the frame; links navigate the whole tab, so the order link works as in a mail app.
  const srcDoc = mail.html.replace(/<head>|<html>/i, (m) => `${m}<base target="_top">`)
  return (
    <section aria-labelledby="mail-title" className="mx-auto max-w-4xl py-6">
      <p role="note" className="rounded-xl border border-yellow-500/50 bg-yellow-500/10 px-4 py-2 text-sm text-yellow-200">
        Development mailbox: this message was not sent.
      </p>
      <Link to="/dev/mailbox" className="mt-4 inline-block text-accent underline">
        ← All messages
      </Link>
      <h1 id="mail-title" className="mt-3 text-2xl font-bold">
        {mail.subject}
      </h1>
      <p className="mt-1 text-sm text-muted">
        From {mail.from} to {mail.to}
      </p>
      <iframe
        title={`Message: ${mail.subject}`}
        srcDoc={srcDoc}
        sandbox="allow-top-navigation-by-user-activation allow-popups"
        className="mt-4 h-[32rem] w-full rounded-xl border border-line bg-white"
      />
      <h2 className="mt-6 text-lg font-bold">Plain text</h2>
      <pre className="mt-2 whitespace-pre-wrap break-words rounded-xl border border-line bg-panel p-4 text-sm">
        <Linkified text={mail.text} />
      </pre>
    </section>
  )
}

function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g)
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} className="text-accent underline">
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  )
}

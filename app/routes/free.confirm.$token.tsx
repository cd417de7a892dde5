import { data } from 'react-router'
import type { Route } from './+types/free.confirm.$token'
import { contractBlocks } from '~/lib/contracts/template'
import { confirmFreeDownloadToken } from '~/lib/free-downloads/free-download.server'
import { orResponse } from '~/lib/http/errors'

// GET /free/confirm/:token: the emailed link. Confirms the address, freezes the free license, and
// offers the file.

export const meta: Route.MetaFunction = () => [{ title: 'Your free download · Beatstall' }, { name: 'robots', content: 'noindex' }]

export async function loader({ params }: Route.LoaderArgs) {
  const done = await orResponse(confirmFreeDownloadToken(params.token))
  return data({ ...done, token: params.token }, { headers: { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' } })
}

export default function FreeConfirm({ loaderData: d }: Route.ComponentProps) {
  return (
    <article className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-semibold text-accent">Address confirmed</p>
        <h1 className="text-3xl font-black">{d.beatTitle}</h1>
        <p className="text-muted">Free download from {d.producerName}: the tagged MP3, for non-profit use with credit.</p>
      </header>
      <div className="flex flex-wrap gap-3">
        <a href={`/free/file/${d.token}`} className="rounded-full bg-accent px-5 py-2 font-bold text-white" download>
          Download the MP3
        </a>
        <a href={`/free/license/${d.token}.pdf`} className="rounded-full border border-line px-5 py-2 font-semibold" download>
          License (PDF)
        </a>
        <a href={`/free/license/${d.token}`} className="rounded-full border border-line px-5 py-2 font-semibold">
          License text
        </a>
      </div>
      <section aria-labelledby="license-title" className="space-y-2 rounded-2xl border border-line bg-panel p-4">
        <h2 id="license-title" className="text-lg font-black">
          Your free license
        </h2>
        <div className="space-y-2 text-sm text-zinc-300">
          {contractBlocks(d.licenseText).map((b, i) =>
            b.kind === 'heading' ? (
              <h3 key={i} className="pt-2 font-bold text-zinc-100">
                {b.text}
              </h3>
            ) : (
              <p key={i} className="whitespace-pre-line">
                {b.text}
              </p>
            ),
          )}
        </div>
        <p className="break-all text-xs text-muted">SHA-256 {d.licenseSha256}</p>
      </section>
      <p className="text-xs text-muted">
        <a href={`/free/unsubscribe/${d.token}`} className="underline underline-offset-2">
          Unsubscribe from {d.producerName}’s emails
        </a>
      </p>
    </article>
  )
}

import { useFetcher } from 'react-router'
import type { FormErrors } from '~/lib/form'

interface Answer {
  sent: boolean
  message: string | null
  errors: FormErrors
}

/** The beat page's free download request: email, and consent to news (unticked by default). */
export function FreeDownloadForm({ slug, producerName }: { slug: string; producerName: string }) {
  const fetcher = useFetcher<Answer>()
  const answer = fetcher.data
  const busy = fetcher.state !== 'idle'
  const emailError = answer?.errors.fieldErrors.email?.[0]
  return (
    <section aria-labelledby="free-title" className="space-y-3 rounded-2xl border border-line bg-panel p-4">
      <h2 id="free-title" className="text-lg font-black">
        Free download
      </h2>
      <p className="text-sm text-muted">
        Get the tagged MP3 free for non-profit use, with credit “prod. by {producerName}”. No monetisation. We email you a link to
        confirm your address first.
      </p>
      {answer?.sent ? (
        <p role="status" className="rounded-xl border border-accent/40 bg-accent/[0.07] p-3 text-sm">
          {answer.message}
        </p>
      ) : (
        <fetcher.Form method="post" action={`/free/${slug}`} className="space-y-3" noValidate>
          <label className="block text-sm">
            <span className="mb-1 block font-semibold">Email</span>
            <input
              type="email"
              name="email"
              required
              autoComplete="email"
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? 'free-email-error' : undefined}
              className="w-full rounded-xl border border-line bg-transparent px-3 py-2"
            />
          </label>
          {emailError ? (
            <p id="free-email-error" className="text-sm text-red-400">
              {emailError}
            </p>
          ) : null}
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="consent" className="mt-1" />
            <span>Send me news from {producerName}</span>
          </label>
          {answer?.errors.formError ? (
            <p role="alert" className="text-sm text-red-400">
              {answer.errors.formError}
            </p>
          ) : null}
          <button type="submit" disabled={busy} className="rounded-full bg-accent px-5 py-2 font-bold text-white disabled:opacity-60">
            {busy ? 'Sending…' : 'Email me the download link'}
          </button>
        </fetcher.Form>
      )}
    </section>
  )
}

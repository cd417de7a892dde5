import type { ReactNode } from 'react'
import { isRouteErrorResponse, type ErrorResponse } from 'react-router'
import { describeRouteError } from './error-page'

// The one error page (after Epic Stack's GeneralErrorBoundary): every thrown 4xx/5xx, and any
// crash, becomes a page that says what happened in words. A route may render some thrown
// responses itself (e.g. the download page's refusal panel) by returning something from `render`.

export function GeneralErrorBoundary({
  error,
  render,
}: {
  error: unknown
  /** Renders a thrown response the route knows better; null falls back to the general page. */
  render?: (response: ErrorResponse) => ReactNode | null
}) {
  const custom = render && isRouteErrorResponse(error) ? render(error) : null
  if (custom) return custom
  const { status, title, message } = describeRouteError(error, import.meta.env.DEV)
  return (
    <section className="mx-auto max-w-xl py-16 text-center" aria-labelledby="error-title">
      <title>{`${title} · Beatstall`}</title>
      <p className="text-sm font-semibold tracking-widest text-accent">{status}</p>
      <h1 id="error-title" className="mt-2 text-3xl font-bold">
        {title}
      </h1>
      <p className="mt-4 text-muted">{message}</p>
      <a href="/" className="mt-8 inline-block rounded-full bg-accent px-5 py-2 font-semibold text-accent-ink">
        Back to the catalog
      </a>
    </section>
  )
}

import { Form, Link } from 'react-router'
import type { RefusalReason } from '~/lib/downloads/entitlement'
import { LICENSE_TIERS, type TierId } from '~/lib/tiers'

/** What the download route throws when it refuses, and this panel shows. */
export interface RefusalData {
  reason: RefusalReason
  title: string
  message: string
  email: string | null
  upgradeTier: TierId | null
  beatSlug: string | null
}

// The page a buyer sees when a download is refused: what happened, and the one useful next step.
export function RefusalPanel({ status, refusal }: { status: number; refusal: RefusalData }) {
  return (
    <section className="mx-auto max-w-xl py-12 sm:py-16" aria-labelledby="refusal-title">
      <title>{`${refusal.title} · Beatstall`}</title>
      <div className="rounded-2xl border border-line bg-panel p-6 sm:p-8">
        <p className="text-sm font-semibold tracking-widest text-accent">{status}</p>
        <h1 id="refusal-title" className="mt-2 text-2xl font-bold sm:text-3xl">
          {refusal.title}
        </h1>
        <p className="mt-4 text-muted">{refusal.message}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <NextStep refusal={refusal} />
          {refusal.reason === 'NO_ACCESS' || refusal.reason === 'LINK_EXPIRED' ? null : (
            <Link to="/orders/view" className="rounded-full border border-line px-5 py-2 font-semibold hover:bg-ink">
              Back to my orders
            </Link>
          )}
        </div>
      </div>
    </section>
  )
}

function NextStep({ refusal }: { refusal: RefusalData }) {
  const primary = 'rounded-full bg-accent px-5 py-2 font-semibold text-accent-ink'
  if (refusal.reason === 'NOT_INCLUDED' && refusal.beatSlug && refusal.upgradeTier) {
    return (
      <Link to={`/beats/${refusal.beatSlug}?tier=${refusal.upgradeTier}`} className={primary}>
        Get the {LICENSE_TIERS[refusal.upgradeTier].label} license
      </Link>
    )
  }
  if (refusal.reason === 'LINK_EXPIRED' && refusal.email) {
    return (
      <Form method="post" action="/orders">
        <input type="hidden" name="email" value={refusal.email} />
        <button type="submit" className={primary}>
          Email me a fresh link
        </button>
      </Form>
    )
  }
  if (refusal.reason === 'NO_ACCESS' || refusal.reason === 'LINK_EXPIRED') {
    return (
      <Link to="/orders" className={primary}>
        Send me a fresh link
      </Link>
    )
  }
  return null
}

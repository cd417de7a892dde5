import { Link } from 'react-router'
import { formatPrice } from '~/lib/money'
import { describeTerms, DOWNLOAD_KIND_LABELS, LICENSE_TIERS, TIER_IDS } from '~/lib/tiers'
import type { Route } from './+types/licensing'

// Static on purpose: no loader, no database. The benchmarks use it as the minimal page of the build.

export const meta: Route.MetaFunction = () => {
  const description = 'Basic, Trackout and Unlimited beat licenses explained: which files each includes and its default usage caps.'
  return [
    { title: 'Licenses explained · Beatstall' },
    { name: 'description', content: description },
    { property: 'og:title', content: 'Beat licenses explained' },
    { property: 'og:description', content: description },
  ]
}

export default function Licensing() {
  return (
    <div className="space-y-10">
      <header className="max-w-2xl">
        <p className="text-xs font-bold uppercase tracking-[0.2em] text-accent">Licensing</p>
        <h1 className="mt-2 text-3xl font-black tracking-tight sm:text-5xl">Three licenses. No fine print.</h1>
        <p className="mt-4 text-muted sm:text-lg">
          Every beat is sold under up to three licenses. Each one says which files you download and how far you can take
          your song. Producers may set their own caps; the beat page always shows the exact terms, and they are frozen
          into your order the moment you pay.
        </p>
      </header>
      <ul className="grid gap-5 md:grid-cols-3">
        {TIER_IDS.map((id) => {
          const tier = LICENSE_TIERS[id]
          return (
            <li key={id} className={`flex flex-col rounded-3xl border bg-panel p-6 ${id === 'TRACKOUT' ? 'border-accent' : 'border-line'}`}>
              <h2 className="text-2xl font-black">{tier.label}</h2>
              <p className="mt-1 text-sm text-muted">{tier.blurb}</p>
              <p className="mt-5 text-sm text-muted">
                typically <span className="text-2xl font-black text-zinc-50">{formatPrice(tier.defaultPriceCents)}</span>
              </p>
              <h3 className="mt-6 text-xs font-bold uppercase tracking-wide text-muted">Files</h3>
              <ul className="mt-2 flex flex-wrap gap-1.5">
                {tier.files.map((f) => (
                  <li key={f} className="rounded-md bg-white/5 px-2 py-0.5 text-xs font-semibold">
                    {DOWNLOAD_KIND_LABELS[f]}
                  </li>
                ))}
              </ul>
              <h3 className="mt-6 text-xs font-bold uppercase tracking-wide text-muted">Default usage caps</h3>
              <ul className="mt-2 space-y-1.5 text-sm text-zinc-300">
                {describeTerms(tier.defaultTerms).map((line) => (
                  <li key={line} className="flex gap-2">
                    <span aria-hidden="true" className="text-accent">
                      ✓
                    </span>
                    {line}
                  </li>
                ))}
              </ul>
            </li>
          )
        })}
      </ul>
      <section className="grid gap-6 rounded-3xl border border-line p-6 text-sm text-zinc-300 sm:grid-cols-3 sm:p-8">
        <div>
          <h2 className="font-bold text-zinc-50">Instant delivery</h2>
          <p className="mt-1 text-muted">Download links appear the moment payment is confirmed, and your order page works for months.</p>
        </div>
        <div>
          <h2 className="font-bold text-zinc-50">A license you can show</h2>
          <p className="mt-1 text-muted">Every purchase comes with a license PDF and a public page anyone can use to verify it.</p>
        </div>
        <div>
          <h2 className="font-bold text-zinc-50">One cart, one payment</h2>
          <p className="mt-1 text-muted">Pick a different license for each beat, put them all in one cart and pay once.</p>
        </div>
      </section>
      <p>
        <Link to="/" className="inline-block rounded-full bg-accent px-5 py-2 font-semibold text-accent-ink hover:bg-amber-300">
          Browse beats
        </Link>
      </p>
    </div>
  )
}

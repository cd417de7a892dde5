import type { BeatStatus } from '~/generated/prisma/enums'
import { IntentButton } from './intent-form'

/** What stands between the beat and the catalog, and the status actions. */
export function PublishPanel({ beat, missing }: {
  beat: { status: BeatStatus; slug: string; _count: { orderItems: number } }
  missing: string[]
}) {
  const ready = missing.length === 0
  const hasOrders = beat._count.orderItems > 0
  return (
    <section aria-labelledby="publish-title" className="rounded-2xl border border-line bg-panel p-5 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h2 id="publish-title" className="text-lg font-semibold">
            {beat.status === 'PUBLISHED' ? 'Live in the catalog' : beat.status === 'ARCHIVED' ? 'Archived' : ready ? 'Ready to publish' : 'Before you publish'}
          </h2>
          {beat.status === 'PUBLISHED' ? (
            <p className="mt-1 text-sm text-muted">
              Anyone can find it at{' '}
              <a href={`/beats/${beat.slug}`} className="text-accent hover:underline">
                /beats/{beat.slug}
              </a>
              .
            </p>
          ) : beat.status === 'ARCHIVED' ? (
            <p className="mt-1 text-sm text-muted">Hidden from the catalog. Buyers keep their files.</p>
          ) : ready ? (
            <p className="mt-1 text-sm text-muted">Everything your enabled licenses deliver is uploaded.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm text-amber-200">
              {missing.map((m) => (
                <li key={m} className="flex gap-2">
                  <span aria-hidden>•</span>
                  {m}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          {beat.status === 'DRAFT' ? <IntentButton intent="publish" label="Publish" variant="primary" disabled={!ready} /> : null}
          {beat.status === 'PUBLISHED' ? <IntentButton intent="unpublish" label="Unpublish" /> : null}
          {beat.status === 'ARCHIVED' ? <IntentButton intent="restore" label="Restore as draft" /> : null}
          {beat.status !== 'ARCHIVED' ? (
            <IntentButton intent="archive" label="Archive" confirm="Archive this beat? It leaves the catalog; buyers keep their files." />
          ) : null}
          {beat.status !== 'PUBLISHED' && !hasOrders ? (
            <IntentButton intent="delete" label="Delete" variant="danger" confirm="Delete this beat and its files for good?" />
          ) : null}
        </div>
      </div>
    </section>
  )
}

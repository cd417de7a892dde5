import { IntentButton } from '~/components/studio/intent-form'

type Status =
  | { kind: 'sold'; soldAt: string | Date; orderNumber: number | null; relistable: boolean }
  | { kind: 'held'; until: string | Date }
  | { kind: 'none' }

const time = (d: string | Date) => new Date(d).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC'

/** The beat editor's Exclusive notice: sold (and relisting once refunded), or held by a checkout. */
export function ExclusivePanel({ status }: { status: Status }) {
  if (status.kind === 'none') return null
  if (status.kind === 'held')
    return (
      <p role="status" className="rounded-2xl border border-amber-400/40 bg-amber-400/10 p-4 text-sm text-amber-100">
        A buyer is checking out this beat’s Exclusive until {time(status.until)}. Price changes or archiving now do not stop that
        checkout: if they pay, the sale goes through at the price they were shown.
      </p>
    )
  return (
    <section aria-labelledby="sold-exclusively-title" className="rounded-2xl border border-accent/40 bg-accent/[0.07] p-5">
      <h2 id="sold-exclusively-title" className="text-lg font-semibold">
        Sold exclusively
      </h2>
      <p className="mt-1 text-sm text-muted">
        Sold on {time(status.soldAt)}
        {status.orderNumber ? ` (order #${status.orderNumber})` : ''}. The beat is off sale for every license; earlier lease holders
        keep theirs.
        {status.relistable ? ' The Exclusive sale was refunded, so you may put the beat back on sale for leases.' : ''}
      </p>
      {status.relistable ? (
        <div className="mt-4">
          <IntentButton intent="relist" label="Put back on sale" variant="primary" />
        </div>
      ) : null}
    </section>
  )
}

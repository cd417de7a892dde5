import type { LineView, OrderView } from '~/lib/downloads/order-view'
import { formatMoney } from '~/lib/money'
import { LineAdjustments } from './order-summary'

// Per-line downloads, shared by the order page and the checkout success page: every file kind the
// store sells, as a download button when the license covers it, otherwise the reason it does not.

export function OrderDownloads({ order }: { order: OrderView }) {
  const date = new Date(order.createdAt).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
  return (
    <article className="rounded-2xl border border-line bg-panel" aria-labelledby={`order-${order.id}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-5 py-4">
        <h2 id={`order-${order.id}`} className="text-lg font-bold">
          Order #{order.number}
        </h2>
        <p className="text-sm text-muted">
          {date} · {formatMoney(order.totalCents, order.currency)}
          {order.status !== 'PAID' ? <StatusBadge status={order.status} /> : null}
        </p>
      </header>
      <ul className="divide-y divide-line">
        {order.lines.map((line) => (
          <li key={line.id} className="px-5 py-4">
            <LineDownloads line={line} currency={order.currency} />
          </li>
        ))}
      </ul>
      {order.lines.some((l) => l.files.some((f) => f.allowed)) ? (
        <footer className="border-t border-line px-5 py-3">
          <a
            href={`/downloads/order/${order.id}/zip`}
            className="inline-block rounded-full border border-accent/60 px-4 py-2 text-sm font-semibold text-accent hover:bg-accent/10"
          >
            Download everything (zip)
          </a>
          <span className="mt-2 block text-xs text-muted sm:ml-3 sm:mt-0 sm:inline">Each file in the zip counts as one download.</span>
        </footer>
      ) : null}
    </article>
  )
}

function StatusBadge({ status }: { status: string }) {
  const label = status === 'DISPUTED' ? 'Dispute open' : status === 'REFUNDED' ? 'Refunded' : status
  return <span className="ml-2 rounded-full border border-line px-2 py-0.5 text-xs font-semibold uppercase">{label}</span>
}

function LineDownloads({ line, currency }: { line: LineView; currency: string }) {
  return (
    <div data-testid={`line-${line.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          <a href={`/beats/${line.beatSlug}`} className="hover:underline">
            {line.beatTitle}
          </a>{' '}
          <span className="font-normal text-muted">by {line.producerName}</span>
        </h3>
        <p className="text-sm">
          <span className="rounded-full bg-ink px-2 py-0.5 font-semibold">{line.tierLabel} license</span>
          {line.refunded ? <span className="ml-2 text-red-400">Refunded</span> : null}
          <span className="ml-2 tabular-nums" data-testid="order-line-paid">
            {line.adjustments.length ? <s className="mr-1.5 text-muted">{formatMoney(line.listPriceCents, currency)}</s> : null}
            <strong>{formatMoney(line.priceCents, currency)}</strong>
          </span>
        </p>
      </div>
      <LineAdjustments adjustments={line.adjustments} currency={currency} />
      {line.supersededBy ? (
        <p className="mt-2 text-sm text-muted">
          Upgraded to {line.supersededBy.tierLabel} in order #{line.supersededBy.orderNumber}: download the new files from that order.
          This license stays valid and points to the new one.
        </p>
      ) : line.upgrade ? (
        <p className="mt-2 text-sm">
          <a href={line.upgrade.href} className="font-semibold text-accent underline" aria-label={`Upgrade ${line.beatTitle} to ${line.upgrade.tierLabel}`}>
            Upgrade to {line.upgrade.tierLabel}
          </a>{' '}
          <span className="text-muted">— you pay only the difference from what you paid.</span>
        </p>
      ) : null}
      <LineFileButtons line={line} />
    </div>
  )
}

/** The files and license links of one line, without its heading (the success page has its own). */
export function LineFileButtons({ line }: { line: LineView }) {
  return (
    <>
      <ul className="mt-3 grid gap-2 sm:grid-cols-3" aria-label={`Files for ${line.beatTitle}`}>
        {line.files.map((file) => (
          <li key={file.kind} className="rounded-xl border border-line bg-ink/40 p-3 text-sm">
            {file.allowed ? (
              <>
                <a
                  href={file.href}
                  className="block rounded-full bg-accent px-4 py-2 text-center font-semibold text-accent-ink"
                  aria-label={`Download ${file.label} of ${line.beatTitle}`}
                >
                  Download {file.label}
                </a>
                <p className="mt-2 text-center text-xs text-muted">
                  {file.remaining} of {file.limit} downloads left
                </p>
              </>
            ) : (
              <FileUnavailable file={file} beatSlug={line.beatSlug} />
            )}
          </li>
        ))}
      </ul>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <a href={line.licensePdfUrl} className="text-accent underline" aria-label={`License PDF for ${line.beatTitle}`}>
          License PDF
        </a>
        <a href={line.licenseUrl} className="text-muted underline" aria-label={`Verification page for the ${line.beatTitle} license`}>
          Verification page
        </a>
      </p>
    </>
  )
}

function FileUnavailable({ file, beatSlug }: { file: LineView['files'][number]; beatSlug: string }) {
  if (file.reason === 'NOT_INCLUDED') {
    return (
      <div>
        <p className="font-semibold">{file.label}</p>
        <p className="text-muted">
          Not included — comes with {file.upgradeTierLabel}.{' '}
          {file.upgradeTier ? (
            <a
              href={file.upgradeHref ?? `/beats/${beatSlug}?tier=${file.upgradeTier}`}
              className="text-accent underline"
              aria-label={`Upgrade to ${file.upgradeTierLabel} for the ${file.label}`}
            >
              Upgrade
            </a>
          ) : null}
        </p>
      </div>
    )
  }
  return (
    <div>
      <p className="font-semibold">{file.label}</p>
      <p className="text-muted">{file.message}</p>
    </div>
  )
}

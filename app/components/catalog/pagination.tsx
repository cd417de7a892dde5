import { Link } from 'react-router'
import { catalogHref, type CatalogParams } from '~/lib/catalog/params'

// A missing direction keeps its place (so "Page n of m" stays centred) but is not shown at all:
// a dimmed, inert copy read as a broken button and failed colour contrast.
const button = 'rounded-full border border-line px-4 py-2 text-sm font-semibold transition hover:border-zinc-500'

export function Pagination({ params, pageCount }: { params: CatalogParams; pageCount: number }) {
  if (pageCount <= 1 && params.page <= 1) return null
  const page = params.page
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-center gap-4">
      {page > 1 ? (
        <Link to={catalogHref({ ...params, page: Math.min(page - 1, pageCount) })} rel="prev" className={button}>
          ← Previous
        </Link>
      ) : (
        <span aria-hidden="true" className={`${button} invisible`}>
          ← Previous
        </span>
      )}
      <p className="text-sm tabular-nums text-muted" aria-current="page">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link to={catalogHref({ ...params, page: page + 1 })} rel="next" className={button}>
          Next →
        </Link>
      ) : (
        <span aria-hidden="true" className={`${button} invisible`}>
          Next →
        </span>
      )}
    </nav>
  )
}

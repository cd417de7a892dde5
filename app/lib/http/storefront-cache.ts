import { createHash } from 'node:crypto'

// Shared caching of the public storefront pages (catalog, producer, beat) and their .data loader
// requests, the way Hydrogen caches a storefront: a CDN may keep a page for a minute and serve it
// stale for ten more while it revalidates; browsers revalidate every time (max-age=0) and get a
// 304 while nothing changed. Prices shown may thus be a few minutes old; checkout re-prices from
// the database, so a stale page can never set what is charged (decision 0013).

export const STOREFRONT_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600'
/** Pages for a signed-in producer, and anything that is not a plain 200 storefront page. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

const STOREFRONT_PATHS = [/^\/(?:_root\.data)?$/, /^\/beats\/[^/]+?(?:\.data)?$/, /^\/producers\/[^/]+?(?:\.data)?$/]

export function isStorefrontPath(pathname: string): boolean {
  return STOREFRONT_PATHS.some((p) => p.test(pathname))
}

export interface ValidatorInputs {
  /** The catalog version (bumped by every change a storefront page shows). */
  catalogVersion: bigint
  /** The build's asset version: a release changes the HTML (script URLs) of every page. */
  buildVersion: string
  /** What else the same HTML depends on for this process (test-mode banner, currency, origin). */
  config: string
  /** Path and query, which select the page (and the .data variant). */
  url: string
}

/**
 * A weak validator (the body carries a per-response CSP nonce and may be compressed, so it is not
 * byte-identical, but it is the same page).
 */
export function storefrontEtag({ catalogVersion, buildVersion, config, url }: ValidatorInputs): string {
  const digest = createHash('sha256').update(`${buildVersion}\u0000${config}\u0000${url}`).digest('base64url').slice(0, 16)
  return `W/"c${catalogVersion}-${digest}"`
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  const wanted = opaque(etag)
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === wanted)
}

/** A request from a signed-in producer gets a private page; anonymous visitors carry no cookie we read. */
export function hasCookie(cookieHeader: string | undefined, name: string): boolean {
  if (!cookieHeader) return false
  return cookieHeader.split(';').some((part) => part.trim().startsWith(`${name}=`))
}

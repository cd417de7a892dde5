import { createHmac } from 'node:crypto'
import { STUDIO_SESSION_COOKIE } from '~/lib/auth/session.server'
import { getEnv } from '~/lib/env.server'
import { readCatalogVersion } from '~/models/catalog-version.server'
import { hasCookie, isStorefrontPath, storefrontEtag } from './storefront-cache'

// Decides whether a request is for a shared storefront page and, if so, its validator.

export interface StorefrontRequest {
  method: string
  pathname: string
  /** Path and query as received. */
  url: string
  cookie: string | undefined
}

// Requests arriving while a read of the version is under way share it: under load one primary-key
// read serves them all. A request may thus get the version of a read begun just before it arrived,
// as if it had come a moment earlier; its page is then revalidated again on the next request.
let versionRead: Promise<bigint> | null = null
function currentCatalogVersion(): Promise<bigint> {
  versionRead ??= readCatalogVersion().finally(() => {
    versionRead = null
  })
  return versionRead
}

/** The page's ETag when it may be shared (anonymous GET/HEAD of a storefront page), else null. */
export async function storefrontValidator(req: StorefrontRequest, buildVersion: string): Promise<string | null> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null
  if (!isStorefrontPath(req.pathname) || hasCookie(req.cookie, STUDIO_SESSION_COOKIE)) return null
  const env = getEnv()
  const config = JSON.stringify([env.testMode, env.CURRENCY, env.APP_URL])
  return storefrontEtag({ catalogVersion: await currentCatalogVersion(), buildVersion, config, url: req.url })
}

/** A signed-in producer's storefront page (never shared). */
export function isPrivateStorefrontRequest(req: StorefrontRequest): boolean {
  return isStorefrontPath(req.pathname) && hasCookie(req.cookie, STUDIO_SESSION_COOKIE)
}

/**
 * The CSP nonce of a shared page: the same for every copy of one page version (a CDN's copy, a
 * browser's copy revalidated by a 304 whose headers replace the stored ones), and unknown to anyone
 * before that version exists, since it is keyed with the session secret (shared by every instance)
 * and any change to the catalog or the URL makes a new validator.
 */
export function storefrontNonce(etag: string): string {
  return createHmac('sha256', getEnv().SESSION_SECRETS[0]!).update(`csp-nonce\u0000${etag}`).digest().subarray(0, 16).toString('base64')
}

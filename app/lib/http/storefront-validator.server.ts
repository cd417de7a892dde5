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

/** The page's ETag when it may be shared (anonymous GET/HEAD of a storefront page), else null. */
export async function storefrontValidator(req: StorefrontRequest, buildVersion: string): Promise<string | null> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null
  if (!isStorefrontPath(req.pathname) || hasCookie(req.cookie, STUDIO_SESSION_COOKIE)) return null
  const env = getEnv()
  const config = JSON.stringify([env.testMode, env.CURRENCY, env.APP_URL])
  return storefrontEtag({ catalogVersion: await readCatalogVersion(), buildVersion, config, url: req.url })
}

/** A signed-in producer's storefront page (never shared). */
export function isPrivateStorefrontRequest(req: StorefrontRequest): boolean {
  return isStorefrontPath(req.pathname) && hasCookie(req.cookie, STUDIO_SESSION_COOKIE)
}

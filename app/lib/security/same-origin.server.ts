import { getEnv } from '~/lib/env.server'

/**
 * Cross-site request protection for mutations, on top of SameSite=Lax cookies: a browser always
 * sends Origin on cross-site POSTs, so one that names another site is refused. Requests without
 * Origin (non-browser clients, some same-origin navigations) fall back to Referer when present.
 * The HTTP server applies this to every request before any route runs.
 */

export const CROSS_SITE_MESSAGE = 'This form was sent from another site, so it was refused.'

interface MutationSource {
  method: string
  origin: string | undefined
  referer: string | undefined
  /** The origin the request was addressed to (scheme and host as the server sees them). */
  requestOrigin: string
}

export function isCrossSiteMutation(request: MutationSource): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false
  const origin = request.origin ?? refererOrigin(request.referer)
  if (!origin) return false
  const allowed = new Set([request.requestOrigin, new URL(getEnv().APP_URL).origin])
  return !allowed.has(origin)
}

function refererOrigin(referer: string | undefined) {
  if (!referer) return undefined
  try {
    return new URL(referer).origin
  } catch {
    return 'invalid'
  }
}

import { data } from 'react-router'
import { getEnv } from '~/lib/env.server'

/**
 * Cross-site request protection for mutations, on top of SameSite=Lax cookies: a browser always
 * sends Origin on cross-site POSTs, so one that names another site is refused. Requests without
 * Origin (non-browser clients, some same-origin navigations) fall back to Referer when present.
 */
export function assertSameOrigin(request: Request) {
  if (request.method === 'GET' || request.method === 'HEAD') return
  const origin = request.headers.get('Origin') ?? refererOrigin(request.headers.get('Referer'))
  if (!origin) return
  const allowed = new Set([new URL(request.url).origin, new URL(getEnv().APP_URL).origin])
  if (!allowed.has(origin)) {
    throw data('This form was sent from another site, so it was refused.', { status: 403 })
  }
}

function refererOrigin(referer: string | null) {
  if (!referer) return null
  try {
    return new URL(referer).origin
  } catch {
    return 'invalid'
  }
}

import { createHash, randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import helmet, { strictTransportSecurity } from 'helmet'
import { REFUSAL_PAGE_CSS } from '~/lib/http/refusal-page'

export interface SecurityHeaderOptions {
  /** `npm run dev`: Vite injects <style> elements and talks to its HMR WebSocket. */
  development: boolean
  /** Stripe's hosted checkout, when STRIPE_SECRET_KEY is set: the checkout form's redirect goes there. */
  stripeCheckout: boolean
  /** Cloudinary storage, when CLOUDINARY_URL is set: covers and previews come from its CDN. */
  cloudinary?: { uploadOrigin: string }
  /** Path prefixes of pages meant to be framed by other sites; everything else refuses framing. */
  embeddable?: readonly string[]
}

/** Pages other sites may frame: the embeddable player (/embed/beats/:slug). */
const EMBEDDABLE_PATHS: readonly string[] = ['/embed/']

/**
 * A path under an embeddable prefix made only of plain segments: no percent-escapes or dot segments,
 * which the router would normalise to some other page (/embed/%2e%2e/studio is the studio).
 */
function isEmbeddablePath(pathname: string, prefixes: readonly string[] = EMBEDDABLE_PATHS): boolean {
  if (!/^[A-Za-z0-9_\-/]+$/.test(pathname)) return false
  return prefixes.some((prefix) => pathname.startsWith(prefix))
}

const CLOUDINARY_DELIVERY = 'https://res.cloudinary.com'
const STRIPE_CHECKOUT = 'https://checkout.stripe.com'
const ONE_YEAR = 365 * 24 * 60 * 60

/** The per-request nonce React Router's inline scripts carry (set by the middleware below). */
export function cspNonce(res: Response): string {
  return res.locals.cspNonce as string
}

const nonceSource = (_req: unknown, res: ServerResponse) => `'nonce-${cspNonce(res as Response)}'`

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`
}

function directives({ development, stripeCheckout, cloudinary }: SecurityHeaderOptions, frameAncestors: string) {
  const cdn = cloudinary ? [CLOUDINARY_DELIVERY] : []
  return {
    'default-src': ["'self'"],
    'base-uri': ["'none'"],
    'object-src': ["'none'"],
    'frame-ancestors': [frameAncestors],
    'form-action': ["'self'", ...(stripeCheckout ? [STRIPE_CHECKOUT] : [])],
    'script-src': ["'self'", nonceSource],
    'script-src-attr': ["'none'"],
    // Stylesheets come from the build; the one inline <style> is the static refusal page's (hashed).
    // Vite's dev server injects CSS as <style> elements, so development allows inline ones
    // (a nonce would switch 'unsafe-inline' off, so dev has none).
    'style-src': development ? ["'self'", "'unsafe-inline'"] : ["'self'", sha256Source(REFUSAL_PAGE_CSS)],
    // React renders computed values as style attributes (cover hues, slider fills, upload
    // progress). An attribute cannot load a script or hold a selector, so it cannot read the page;
    // <style> elements stay locked down above.
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", ...cdn],
    'media-src': ["'self'", ...cdn],
    'font-src': ["'self'"],
    // Studio uploads go from the browser straight to Cloudinary when it stores the files; Vite's
    // HMR WebSocket has its own port in development.
    'connect-src': ["'self'", ...(cloudinary ? [cloudinary.uploadOrigin] : []), ...(development ? ['ws:', 'wss:'] : [])],
    'frame-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    // Same-origin resources are already https on an https page, and on a plain-http demo this
    // directive would break every asset.
    'upgrade-insecure-requests': null,
  }
}

function policy(options: SecurityHeaderOptions, embeddable: boolean) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: directives(options, embeddable ? '*' : "'none'") },
    xFrameOptions: embeddable ? false : { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Sent below only for requests that arrived over https.
    strictTransportSecurity: false,
  })
}

/**
 * Helmet's headers on every response, with a fresh CSP nonce per request (res.locals.cspNonce,
 * handed to React Router through the load context). HSTS only when the request came over https
 * as the app sees it (X-Forwarded-Proto from a trusted proxy): on plain http it would be ignored
 * at best, and would pin a demo's host to https at worst.
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const framed = policy(options, false)
  const embedded = policy(options, true)
  const hsts = strictTransportSecurity({ maxAge: ONE_YEAR, includeSubDomains: true })
  const embeddable = options.embeddable ?? EMBEDDABLE_PATHS
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    const headers = isEmbeddablePath(req.path, embeddable) ? embedded : framed
    headers(req, res, (error) => {
      if (error) return next(error)
      if (req.secure) return hsts(req, res, next)
      next()
    })
  }
}

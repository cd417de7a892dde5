import type { NextFunction, Request, Response } from 'express'
import { CROSS_SITE_MESSAGE, isCrossSiteMutation } from '~/lib/security/same-origin.server'

/** Refuses cross-site mutations (403, a sentence a person can read) before any route runs. */
export function refuseCrossSite(req: Request, res: Response, next: NextFunction) {
  const cross = isCrossSiteMutation({
    method: req.method,
    origin: req.get('origin'),
    referer: req.get('referer'),
    requestOrigin: requestOrigin(req),
  })
  if (!cross) return next()
  res.status(403).set('Cache-Control', 'no-store').type('text/plain').send(CROSS_SITE_MESSAGE)
}

/** Scheme, host and port as @react-router/express builds the Request URL the routes see. */
function requestOrigin(req: Request): string {
  const forwardedPort = req.app.enabled('trust proxy') ? req.get('X-Forwarded-Host')?.split(':')[1] : undefined
  const hostPort = req.get('host')?.split(':')[1]
  const port = [forwardedPort, hostPort].map((p) => Number.parseInt(p ?? '', 10)).find(Number.isSafeInteger)
  const hostname = req.hostname.split(/[\\/?#@]/)[0] || 'localhost'
  try {
    return new URL(`${req.protocol}://${hostname}${port ? `:${port}` : ''}`).origin
  } catch {
    return 'invalid'
  }
}

import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { etagMatches, PRIVATE_CACHE_CONTROL, STOREFRONT_CACHE_CONTROL } from '~/lib/http/storefront-cache'
import { isPrivateStorefrontRequest, storefrontNonce, storefrontValidator, type StorefrontRequest } from '~/lib/http/storefront-validator.server'
import { logger } from '~/lib/logger.server'
import { cspNonce } from './security-headers'

// Validators and CDN cache headers on the anonymous storefront pages. A revalidation whose ETag
// still matches is answered 304 here, before React Router renders anything. A shared page's CSP
// nonce is derived from its validator (storefrontNonce): a 304's headers replace the stored ones,
// so its policy must name the nonce the stored HTML carries.

const toStorefrontRequest = (req: Request): StorefrontRequest => ({ method: req.method, pathname: req.path, url: req.originalUrl, cookie: req.headers.cookie })

export function storefrontCache(buildVersion: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const request = toStorefrontRequest(req)
    if (isPrivateStorefrontRequest(request)) {
      res.setHeader('Cache-Control', PRIVATE_CACHE_CONTROL)
      return next()
    }
    storefrontValidator(request, buildVersion).then(
      (etag) => {
        if (!etag) return next()
        useNonce(res, storefrontNonce(etag))
        res.setHeader('ETag', etag)
        res.setHeader('Cache-Control', STOREFRONT_CACHE_CONTROL)
        // A signed-in producer's request for the same URL must not be answered from this entry.
        res.vary('Cookie')
        if (etagMatches(req.headers['if-none-match'], etag)) {
          res.status(304).end()
          return
        }
        keepOnlyForPlainSuccess(res)
        next()
      },
      // Without the version the page is still served, just not shared.
      (error: unknown) => {
        logger.warn({ err: error }, 'catalog version unavailable; page not cacheable')
        next()
      },
    )
  }
}

/** Only a plain 200 without cookies is shared: an error page, a redirect or a Set-Cookie is private. */
function keepOnlyForPlainSuccess(res: Response) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response
  res.writeHead = ((...args: unknown[]) => {
    const status = typeof args[0] === 'number' ? args[0] : res.statusCode
    const cacheControl = res.getHeader('Cache-Control')
    if (status !== 200 || res.getHeader('Set-Cookie') !== undefined || cacheControl !== STOREFRONT_CACHE_CONTROL) {
      res.removeHeader('ETag')
      // The route's own choice wins over ours (it appended to our value); else nothing is shared.
      const own = String(cacheControl ?? '').replace(STOREFRONT_CACHE_CONTROL, '').replace(/^,\s*/, '').trim()
      res.setHeader('Cache-Control', status === 200 && own ? own : PRIVATE_CACHE_CONTROL)
    }
    return writeHead(...args)
  }) as Response['writeHead']
}

/** Swaps the request's random nonce for the page's own, in the policy already set and for the render. */
function useNonce(res: Response, nonce: string) {
  const policy = res.getHeader('Content-Security-Policy')
  if (typeof policy === 'string') res.setHeader('Content-Security-Policy', policy.replace(`'nonce-${cspNonce(res)}'`, `'nonce-${nonce}'`))
  res.locals.cspNonce = nonce
}

import { readdirSync } from 'node:fs'
import path from 'node:path'
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express from 'express'
import { pinoHttp } from 'pino-http'
import type { ServerBuild } from 'react-router'
import type { BeatstallLoadContext } from '~/load-context'
import { getEnv } from '~/lib/env.server'
import { logger } from '~/lib/logger.server'
import { parseCloudinaryUrl } from '~/lib/storage/cloudinary.server'
import { refuseOversizedBody } from './body-limits'
import { discardUnreadBody } from './discard-unread-body'
import { refuseInvalidHost } from './host-check'
import { refuseMalformedPath } from './malformed-path'
import { refuseCrossSite } from './same-origin'
import { cspNonce, securityHeaders } from './security-headers'
import { serveSignedFile } from './signed-files.server'
import { storefrontCache } from './storefront-cache'

/** URL paths of the files `react-router build` copied from public/, fingerprinted assets aside. */
function listPublicFiles(clientDir: string): Set<string> {
  const files = readdirSync(clientDir, { recursive: true, withFileTypes: true })
  return new Set(
    files
      .filter((f) => f.isFile() && f.name !== 'README.md')
      .map((f) => '/' + path.relative(clientDir, path.join(f.parentPath, f.name)).split(path.sep).join('/'))
      .filter((p) => !p.startsWith('/assets/')),
  )
}

interface HttpAppOptions {
  /** The client half of the production build; in development Vite serves those files instead. */
  clientDir?: string
}

/**
 * The store's HTTP app: security headers, static assets, request logs, the cross-site check, signed
 * local files, and React Router for everything else. The production server and `npm run dev` both use it.
 */
export function createHttpApp(build: ServerBuild | (() => Promise<ServerBuild>), { clientDir }: HttpAppOptions = {}) {
  const env = getEnv()
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.TRUST_PROXY)
  // First, so every answer carries them: assets, files, refusals and errors too.
  app.use(
    securityHeaders({
      development: env.NODE_ENV === 'development',
      stripeCheckout: Boolean(env.STRIPE_SECRET_KEY),
      cloudinary: env.CLOUDINARY_URL ? { uploadOrigin: cloudinaryUploadOrigin(env.CLOUDINARY_URL) } : undefined,
    }),
  )
  app.use(compression())
  if (clientDir) {
    // Fingerprinted assets never change; everything else in public/ may.
    app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }))
    // The other files of public/ are few and known at start: only their own paths reach the file
    // server, so a page request costs no failed stat (and the folder's README is not served).
    const publicPaths = listPublicFiles(clientDir)
    const servePublic = express.static(clientDir, { maxAge: '1h', index: false, redirect: false })
    app.use((req, res, next) => (publicPaths.has(req.path) ? servePublic(req, res, next) : next()))
  }
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url?.startsWith('/assets/') ?? false },
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  )
  app.use(discardUnreadBody)
  // Malformed requests and oversized bodies are refused before any other work.
  app.use(refuseInvalidHost, refuseMalformedPath, refuseOversizedBody)
  app.use(refuseCrossSite)
  // Verified signed files go straight from disk to the socket, without React Router's web streams.
  app.get('/files/{*key}', serveSignedFile)
  // Shared caching of the public pages needs a fixed build (its asset version is in every validator).
  if (typeof build !== 'function') app.use(storefrontCache(build.assets.version))
  app.all(
    '/{*splat}',
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res): BeatstallLoadContext => ({
        ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        cspNonce: cspNonce(res),
      }),
    }),
  )
  return app
}

/** Where the browser sends direct uploads: Cloudinary's API, or the upload_prefix the URL names. */
function cloudinaryUploadOrigin(cloudinaryUrl: string): string {
  return new URL(parseCloudinaryUrl(cloudinaryUrl).uploadPrefix ?? 'https://api.cloudinary.com').origin
}

import { readdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express from 'express'
import { pinoHttp } from 'pino-http'
import type { ServerBuild } from 'react-router'
import type { BeatstallLoadContext } from '~/load-context'
import { logger } from '~/lib/logger.server'
import { discardUnreadBody } from './discard-unread-body'

// Same variable as react-router.config.ts: where `react-router build` wrote the app.
const BUILD_DIR = path.resolve(process.env.BUILD_DIR ?? 'build')

export async function loadProductionBuild(): Promise<ServerBuild> {
  return (await import(pathToFileURL(path.join(BUILD_DIR, 'server/index.js')).href)) as ServerBuild
}

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

/** The production HTTP app: static assets, request logs, and React Router for everything else. */
export function createHttpApp(build: ServerBuild | (() => Promise<ServerBuild>), { serveStatic = true } = {}) {
  const app = express()
  app.disable('x-powered-by')
  // Only loopback proxies are trusted unless the operator says otherwise (X-Forwarded-For).
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback')
  app.use(compression())
  if (serveStatic) {
    // Fingerprinted assets never change; everything else in public/ may.
    app.use('/assets', express.static(path.join(BUILD_DIR, 'client/assets'), { immutable: true, maxAge: '1y' }))
    // The other files of public/ are few and known at start: only their own paths reach the file
    // server, so a page request costs no failed stat (and the folder's README is not served).
    const publicPaths = listPublicFiles(path.join(BUILD_DIR, 'client'))
    const servePublic = express.static(path.join(BUILD_DIR, 'client'), { maxAge: '1h', index: false, redirect: false })
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
  app.all(
    '/{*splat}',
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req): BeatstallLoadContext => ({ ip: req.ip ?? req.socket.remoteAddress ?? 'unknown' }),
    }),
  )
  return app
}

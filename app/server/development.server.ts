import type { ViteDevServer } from 'vite'
import type { ServerBuild } from 'react-router'
import express from 'express'
import type { PreparedDatabase } from './database.server'
import { createHttpApp } from './http.server'
import { listen } from './listen.server'

// `npm run dev`: the production HTTP app with Vite in front (client modules, hot reload), the
// server build loaded through Vite on every request so route edits apply without a restart.

export function serveDevelopment(vite: ViteDevServer, db: PreparedDatabase) {
  const app = createHttpApp(() => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>)
  // Vite's middlewares (client modules, HMR) go before React Router's catch-all.
  const outer = express()
  outer.use(vite.middlewares)
  outer.use(app)
  listen(outer, db, { beforeStop: () => vite.close() })
}

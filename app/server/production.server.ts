import type { ServerBuild } from 'react-router'
import * as build from 'virtual:react-router/server-build'
import type { PreparedDatabase } from './database.server'
import { createHttpApp } from './http.server'
import { listen } from './listen.server'

// The production server: the app's own server build, bundled together with this module, so the
// routes and the HTTP layer share one copy of every module (env, storage, rate limits, the pool).

export function serveProduction(db: PreparedDatabase, clientDir: string) {
  listen(createHttpApp(build as unknown as ServerBuild, { clientDir }), db)
}

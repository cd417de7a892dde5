// The production start file, built by Vite as the server entry (build/server/index.js) and run by
// `npm start` and the Docker image with plain `node`. It imports nothing else up front: NODE_ENV
// must be settled before React loads, and DATABASE_URL before the database pool is created.
import { fileURLToPath } from 'node:url'
import { defaultNodeEnv } from '~/lib/env.server'

defaultNodeEnv('production')
// The client half of the build sits beside this file, wherever the build directory is.
const clientDir = fileURLToPath(new URL('../client/', import.meta.url))

const { prepare } = await import('./prepare.server')
const db = await prepare()
const { serveProduction } = await import('./production.server')
serveProduction(db, clientDir)

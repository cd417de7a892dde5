// `npm run dev`: the same startup as `npm start` (embedded Postgres, migrations, first-run seed),
// then Vite in middleware mode with hot reload instead of the production build.
import type { ServerBuild } from 'react-router'

process.env.NODE_ENV ??= 'development'

const { prepareDatabase } = await import('./server/database')
const { createHttpApp } = await import('./server/http')
const { onShutdownSignal } = await import('./server/signals')
const { stopOnStartupProblem } = await import('./server/stop-on-startup-problem')
const log = (line: string) => console.log(`[beatstall] ${line}`)

const db = await prepareDatabase(log).catch(stopOnStartupProblem)
const { getEnv } = await import('~/lib/env.server')
const { seedDemoIfWanted } = await import('./seed/auto-seed')
const { startBackgroundJobs } = await import('~/lib/jobs.server')
await seedDemoIfWanted({ embedded: db.embedded !== undefined, log })

const vite = await import('vite').then(({ createServer }) => createServer({ server: { middlewareMode: true } }))
const app = createHttpApp(() => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>, {
  serveStatic: false,
})
const env = getEnv()
const stopJobs = startBackgroundJobs()
const { default: express } = await import('express')
// Vite's middlewares (client modules, HMR) go before React Router's catch-all.
const outer = express()
outer.use(vite.middlewares)
outer.use(app)
const server = outer.listen(env.PORT, () => log(`dev server at http://localhost:${env.PORT}`))

async function shutdown() {
  server.close()
  await vite.close()
  await stopJobs()
  await db.embedded?.stop()
  process.exit(0)
}
onShutdownSignal(shutdown)

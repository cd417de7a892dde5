// `npm start` / the Docker image: database (embedded by default), migrations, first-run seed,
// background jobs, then the production HTTP server with graceful shutdown.
import type { Server } from 'node:http'

// Before any import below: React picks its production or development build when first loaded.
process.env.NODE_ENV ??= 'production'

const { prepareDatabase } = await import('./server/database')
const { createHttpApp, loadProductionBuild } = await import('./server/http')
const { ensureSessionSecret } = await import('./server/session-secret')
const { onShutdownSignal } = await import('./server/signals')
const { stopOnStartupProblem } = await import('./server/stop-on-startup-problem')

const log = (line: string) => console.log(`[beatstall] ${line}`)

await ensureSessionSecret(log)
const db = await prepareDatabase(log).catch(stopOnStartupProblem)

// Imported after the database exists: these modules open the shared Prisma pool.
const { getEnv } = await import('~/lib/env.server')
const { logger } = await import('~/lib/logger.server')
const { seedDemoIfWanted } = await import('./seed/auto-seed')
const { startBackgroundJobs } = await import('~/lib/jobs.server')
const { mailDeliveryWarning } = await import('~/lib/mail/delivery-status')

const env = getEnv()
const mailWarning = mailDeliveryWarning(env)
if (mailWarning) {
  logger.error(mailWarning)
  console.error(`[beatstall] ${mailWarning}`)
}
await seedDemoIfWanted({ embedded: db.embedded !== undefined, log })

const build = await loadProductionBuild()
const app = createHttpApp(build)
const stopJobs = startBackgroundJobs()

const server: Server = app.listen(env.PORT, env.HOST, () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  logger.info({ port }, 'listening')
  log(`store ready at ${env.APP_URL.includes(`:${port}`) ? env.APP_URL : `http://localhost:${port}`}`)
})
server.keepAliveTimeout = 65_000

let shuttingDown = false
async function shutdown(signal: string) {
  if (shuttingDown) return
  shuttingDown = true
  log(`${signal}: finishing in-flight requests`)
  const force = setTimeout(() => {
    log('in-flight requests did not finish in 10 s; closing anyway')
    server.closeAllConnections()
  }, 10_000)
  force.unref()
  // close() stops accepting and waits for in-flight requests; idle keep-alive sockets go now.
  await new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeIdleConnections()
  })
  clearTimeout(force)
  await stopJobs()
  await globalThis.__beatstallPrisma?.$disconnect()
  await db.embedded?.stop()
  log('stopped')
  process.exit(0)
}
onShutdownSignal(shutdown)

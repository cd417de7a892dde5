import type { Server } from 'node:http'
import type { RequestListener } from 'node:http'
import { createServer } from 'node:http'
import { getEnv } from '~/lib/env.server'
import { startBackgroundJobs } from '~/lib/jobs.server'
import { logger } from '~/lib/logger.server'
import type { PreparedDatabase } from './database.server'
import { log } from './prepare.server'
import { onShutdownSignal } from './signals'

/**
 * Starts the background jobs and the HTTP server, and on SIGINT/SIGTERM/SIGHUP drains in-flight
 * requests before stopping the jobs, the pool and the embedded Postgres, in that order.
 */
export function listen(handler: RequestListener, db: PreparedDatabase, opts: { beforeStop?: () => Promise<void> } = {}): Server {
  const env = getEnv()
  const stopJobs = startBackgroundJobs()
  const server = createServer(handler)
  server.keepAliveTimeout = 65_000
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : env.PORT
    logger.info({ port }, 'listening')
    log(`store ready at ${env.APP_URL.includes(`:${port}`) ? env.APP_URL : `http://localhost:${port}`}`)
  })

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
    await opts.beforeStop?.()
    await stopJobs()
    await globalThis.__beatstallPrisma?.$disconnect()
    await db.embedded?.stop()
    log('stopped')
    process.exit(0)
  }
  onShutdownSignal(shutdown)
  return server
}

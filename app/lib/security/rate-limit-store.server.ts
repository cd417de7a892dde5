import pg from 'pg'
import { getEnv } from '~/lib/env.server'
import { logger } from '~/lib/logger.server'

// The connection pool of the rate limits: rate-limiter-flexible's Postgres store speaks to `pg`
// directly, so it gets a small pool of its own on the store's database (the limits live in the
// "RateLimit" table, created by a migration). One pool per process, made on first use.

declare global {
  var __beatstallRateLimitPool: pg.Pool | undefined
}

export function rateLimitPool(): pg.Pool {
  return (globalThis.__beatstallRateLimitPool ??= createRateLimitPool())
}

export function createRateLimitPool(): pg.Pool {
  const url = getEnv().DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is not set: rate limits live in the database.')
  // Idle connections close soon and never keep the process alive on their own.
  const pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true })
  // An idle connection cut by the server (a restart) is replaced on next use; unhandled, it would crash.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'rate-limit pool: idle connection lost'))
  return pool
}

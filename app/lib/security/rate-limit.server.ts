import { createHash } from 'node:crypto'
import type pg from 'pg'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { RateLimitedError } from '~/lib/errors'
import { rateLimitPool } from './rate-limit-store.server'

// Rate limits kept in PostgreSQL (the "RateLimit" table), so every app instance spends from one
// budget and a restart forgets nothing. Each limiter is a named budget, e.g.
// `createRateLimit({ name: 'login-ip', points: 30, durationSeconds: 15 * 60 })` = 30 attempts per key
// per 15 minutes; the name keeps budgets apart in the shared table, so it must be unique.

export interface RateLimitOptions {
  name: string
  points: number
  durationSeconds: number
  /** A pool of its own (tests stand in for a second app instance); the process's pool by default. */
  pool?: pg.Pool
}

// Keys are stored hashed: the table's key column is 255 characters (an IP and an email can be
// longer together), and it need not hold addresses in the clear.
const storedKey = (key: string) => createHash('sha256').update(key).digest('base64url')

export function createRateLimit({ name, points, durationSeconds, pool }: RateLimitOptions) {
  let limiter: RateLimiterPostgres | undefined
  // Made on first use: importing a module that declares a limit needs no database.
  const store = () =>
    (limiter ??= new RateLimiterPostgres({
      storeClient: pool ?? rateLimitPool(),
      storeType: 'pool',
      tableName: 'RateLimit',
      tableCreated: true,
      keyPrefix: name,
      points,
      duration: durationSeconds,
    }))
  return {
    /** Spends one point for `key`; throws RateLimitedError (a 429 with Retry-After) when the budget is gone. */
    async consume(key: string, message = 'Too many attempts. Please wait a moment and try again.') {
      try {
        await store().consume(storedKey(key))
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          throw new RateLimitedError(message, Math.max(1, Math.ceil(error.msBeforeNext / 1000)))
        }
        throw error
      }
    },
    /** Gives one point back (an attempt that turned out to be the owner's). */
    async refund(key: string) {
      await store().reward(storedKey(key), 1)
    },
    async reset(key: string) {
      await store().delete(storedKey(key))
    },
  }
}

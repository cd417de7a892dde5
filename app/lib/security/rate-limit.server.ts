import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { RateLimitedError } from '~/lib/errors'

// In-process rate limits (one server process per store). Each limiter is a named budget, e.g.
// `createRateLimit({ points: 5, durationSeconds: 60 })` = 5 attempts per key per minute.

export function createRateLimit({ points, durationSeconds }: { points: number; durationSeconds: number }) {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds })
  return {
    /** Spends one point for `key`; throws RateLimitedError (429 with Retry-After at the boundary) when the budget is gone. */
    async consume(key: string, message = 'Too many attempts. Please wait a moment and try again.') {
      try {
        await limiter.consume(key)
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          throw new RateLimitedError(message, Math.max(1, Math.ceil(error.msBeforeNext / 1000)))
        }
        throw error
      }
    },
    async reset(key: string) {
      await limiter.delete(key)
    },
  }
}

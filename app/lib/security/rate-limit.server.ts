import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { data } from 'react-router'

// In-process rate limits (one server process per store). Each limiter is a named budget, e.g.
// `createRateLimit({ points: 5, durationSeconds: 60 })` = 5 attempts per key per minute.

export function createRateLimit({ points, durationSeconds }: { points: number; durationSeconds: number }) {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds })
  return {
    /** Spends one point for `key`; throws a 429 response with Retry-After when the budget is gone. */
    async consume(key: string, message = 'Too many attempts. Please wait a moment and try again.') {
      try {
        await limiter.consume(key)
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000))
          throw data(message, { status: 429, headers: { 'Retry-After': String(retryAfter) } })
        }
        throw error
      }
    },
    async reset(key: string) {
      await limiter.delete(key)
    },
  }
}

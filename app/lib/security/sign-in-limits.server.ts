import type pg from 'pg'
import { createRateLimit } from './rate-limit.server'

// Sign-in budgets after OWASP's advice, so strangers' wrong guesses cannot lock the owner out:
// - per client IP: one address guessing across many accounts;
// - per (IP, account): one address guessing one account — spent quickly, but only for that address;
// - per account, slower and larger: many addresses guessing one account together.
// A stranger who spends an (IP, account) budget leaves the owner, on another address, signing in
// until the per-account budget is spent too. The owner's own successful sign-in is not counted.

export const SIGN_IN_LIMITS = {
  perIp: { points: 30, durationSeconds: 15 * 60 },
  perIpAndAccount: { points: 5, durationSeconds: 15 * 60 },
  perAccount: { points: 20, durationSeconds: 60 * 60 },
} as const

export interface SignInAttempt {
  ip: string
  /** The normalised email the attempt is for. */
  account: string
}

export function createSignInLimits({ pool }: { pool?: pg.Pool } = {}) {
  const perIp = createRateLimit({ name: 'login-ip', ...SIGN_IN_LIMITS.perIp, pool })
  const perIpAndAccount = createRateLimit({ name: 'login-ip-account', ...SIGN_IN_LIMITS.perIpAndAccount, pool })
  const perAccount = createRateLimit({ name: 'login-account', ...SIGN_IN_LIMITS.perAccount, pool })
  const pair = ({ ip, account }: SignInAttempt) => `${ip}\n${account}`
  return {
    /** Spends one point of each budget before the password is checked; throws RateLimitedError when one is gone. */
    async spend(attempt: SignInAttempt, message: string) {
      await perIp.consume(attempt.ip, message)
      await perIpAndAccount.consume(pair(attempt), message)
      await perAccount.consume(attempt.account, message)
    },
    /** The right password: this address starts afresh for this account, and the account gets its point back. */
    async succeeded(attempt: SignInAttempt) {
      await perIpAndAccount.reset(pair(attempt))
      await perAccount.refund(attempt.account)
    },
  }
}

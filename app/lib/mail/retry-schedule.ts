// When the outbox tries again, and when it gives up. Like Stripe's webhooks, mail keeps being
// retried for three days, so an SMTP outage of hours (or a weekend) delays mail but loses none.
// The numbers are in README.md ("Security and limits"); a test holds them to the 3 days.

const BASE_BACKOFF_MS = 10_000
/** The longest wait between two attempts, so mail goes out soon after a long outage ends. */
const MAX_BACKOFF_MS = 15 * 60_000
/** Retried for at least this long after the first attempt, then DEAD. */
export const RETRY_FOR_MS = 3 * 24 * 3600_000

/**
 * A worker's hold on a row while it sends. Renewed every HEARTBEAT_MS while the worker lives, so a
 * slow send keeps it; a killed worker's row is retried once it runs out (within a minute).
 */
export const LEASE_MS = 30_000
export const HEARTBEAT_MS = 10_000

/** Mail waiting longer than this (with at least one failed attempt) is "stuck" for the operator. */
export const STUCK_AFTER_MS = 15 * 60_000

/** Delay before attempt n+1 after n failed attempts: 10 s, 20 s, 40 s … capped at 15 min. */
export function backoffMs(failedAttempts: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, failedAttempts - 1))
}

/** The smallest number of attempts whose waits add up to RETRY_FOR_MS: after that many, DEAD. */
function attemptsToSpan(ms: number): number {
  let waited = 0
  let attempts = 1
  while (waited < ms) waited += backoffMs(attempts++)
  return attempts
}

export const MAX_ATTEMPTS = attemptsToSpan(RETRY_FOR_MS)

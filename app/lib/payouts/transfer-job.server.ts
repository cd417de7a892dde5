import { defineJob, isQueueStarted } from '~/lib/jobs/queue.server'
import { logger } from '~/lib/logger.server'
import type { Tx } from '~/models/db.server'
import { processPayouts, type PayoutScope } from './transfers.server'

// The transfer job: sends (or reverses) the ledger rows of one order or one payee. A failed
// transfer (account not enabled, insufficient balance) is recorded on its row and the job throws,
// so pg-boss retries it with backoff; rows already sent are skipped on the retry.

export const payoutJob = defineJob<PayoutScope>(
  'payouts.transfer',
  async (scope) => {
    const result = await processPayouts(scope)
    if (result.failed) throw new Error(`${result.failed} payout transfer(s) failed; retrying with backoff`)
  },
  { retryLimit: 12, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 },
)

/**
 * Queues the job in the caller's transaction. Without a started queue (a script, a test) the rows
 * stay as they are for the sweep: the ledger row, not the job, is the record of what is owed.
 */
export async function nudgePayouts(tx: Tx, scope: PayoutScope): Promise<void> {
  if (isQueueStarted()) await payoutJob.sendIn(tx, scope)
}

/** After a commit (a payee just connected). */
export async function nudgePayoutsNow(scope: PayoutScope): Promise<void> {
  if (isQueueStarted()) await payoutJob.send(scope)
  else await processPayouts(scope)
}

/**
 * Every few minutes, any row with work left (a job lost with a stopped queue, an account enabled
 * while the store was down). Safe beside the jobs: each row is worked under its own lock.
 */
export function startPayoutSweep(intervalMs = 10 * 60_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    running = processPayouts({}).catch((err: unknown) => logger.error({ err }, 'payout sweep failed; next sweep retries'))
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}

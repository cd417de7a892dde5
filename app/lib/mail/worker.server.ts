import { logger } from '~/lib/logger.server'
import { claimDueEmails, markEmailDead, markEmailSent, scheduleEmailRetry, type ClaimedEmail } from '~/models/outbox-email.server'
import { renderReceiptAtSend } from './order-notifications.server'
import { handleMailRequests } from './mail-requests.server'
import type { MailTransport } from './transport.server'

// Delivers queued mail. Each batch claims due rows with SKIP LOCKED and pushes their next attempt
// a lease into the future, so two workers (or a crashed one) never send a row at the same time.
// A failure schedules a retry with exponential backoff; after MAX_ATTEMPTS the row is DEAD and
// logged at error level for the operator. An SMTP outage therefore delays mail but loses none.
// Receipts are queued unrendered (`renderAtSend`): the worker renders them just before sending,
// so the order link is fresh, and stores what it sent on the row. The rows themselves are read
// and written by the outbox model (app/models/outbox-email.server.ts).

export const MAX_ATTEMPTS = 8
const LEASE_MS = 5 * 60 * 1000
const BASE_BACKOFF_MS = 10_000
const MAX_BACKOFF_MS = 60 * 60 * 1000

/** Delay before attempt n+1 after n failed attempts: 10 s, 20 s, 40 s … capped at 1 h. */
export function backoffMs(failedAttempts: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, failedAttempts - 1))
}

export interface BatchResult {
  sent: number
  retried: number
  dead: number
}

/** A receipt's body, rendered now (stored on the row once sent); null for a ready-made row. */
async function renderAtSend(row: ClaimedEmail, now: Date) {
  if (!row.renderAtSend) return null
  const rendered = await renderReceiptAtSend(row.dedupeKey, now)
  // Counts as a failed attempt (retried, then DEAD), like any other mail that cannot go out.
  if (!rendered) throw new Error(`cannot render ${row.dedupeKey}: the order is gone or has no email`)
  return rendered
}

/** `now` is the worker's clock: what is due, when to retry, and the time in a rendered order link. */
export async function deliverDueMail(
  transport: MailTransport,
  { now = new Date(), batchSize = 20 }: { now?: Date; batchSize?: number } = {},
): Promise<BatchResult> {
  // Requests for a link become mail (or are dropped) first, so they go out in this batch.
  await handleMailRequests()
  const rows = await claimDueEmails({ now, leaseUntil: new Date(now.getTime() + LEASE_MS), batchSize })
  const result: BatchResult = { sent: 0, retried: 0, dead: 0 }
  for (const row of rows) {
    try {
      const rendered = await renderAtSend(row, now)
      await transport.send(rendered ? { ...row, ...rendered } : row)
      await markEmailSent(row.id, rendered)
      result.sent++
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000)
      if (row.attempts >= MAX_ATTEMPTS) {
        await markEmailDead(row.id, message)
        logger.error({ outboxId: row.id, kind: row.kind, attempts: row.attempts, err: message }, 'mail dead after max attempts')
        result.dead++
      } else {
        const nextAttemptAt = new Date(now.getTime() + backoffMs(row.attempts))
        await scheduleEmailRetry(row.id, nextAttemptAt, message)
        logger.warn({ outboxId: row.id, kind: row.kind, attempts: row.attempts, nextAttemptAt, err: message }, 'mail delivery failed; will retry')
        result.retried++
      }
    }
  }
  return result
}

/**
 * Polls the outbox every `intervalMs` until stopped. `stop()` lets the batch in progress finish
 * (so no row is left half-sent) and then resolves.
 */
export function startOutboxWorker(transport: MailTransport, { intervalMs = 2_000 } = {}) {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let current: Promise<unknown> = Promise.resolve()
  const tick = () => {
    if (stopped) return
    current = deliverDueMail(transport)
      .then((r) => {
        // Keep draining while a full backlog is waiting.
        if (r.sent + r.retried + r.dead >= 20 && !stopped) setImmediate(tick)
        else schedule()
      })
      .catch((error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'outbox batch failed')
        schedule()
      })
  }
  const schedule = () => {
    if (!stopped) timer = setTimeout(tick, intervalMs)
  }
  schedule()
  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    await current
    transport.close()
  }
}

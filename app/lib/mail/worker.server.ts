import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { logger } from '~/lib/logger.server'
import {
  claimDueEmail,
  markEmailDead,
  markEmailSent,
  renewEmailLease,
  scheduleEmailRetry,
  type ClaimedEmail,
} from '~/models/outbox-email.server'
import { handleMailRequests } from './mail-requests.server'
import { receiptAttachments, renderReceiptAtSend } from './order-notifications.server'
import { backoffMs, HEARTBEAT_MS, LEASE_MS, MAX_ATTEMPTS, STUCK_AFTER_MS } from './retry-schedule'
import type { MailTransport } from './transport.server'

// Delivers queued mail (docs/decisions/0008-mail-sending-lease.md). A worker claims one due row at
// a time (status SENDING, a 30 s lease, a claim token) and renews the lease every 10 s while it
// sends, so a slow send keeps its row and a killed worker's row is retried within a minute, with
// the same Message-ID so receivers can drop a second copy. Once the SMTP server has accepted a
// message, marking it SENT is retried until the database answers: a database blip can delay that
// record but never turns it into a second send by this worker. A failure schedules a retry on the
// schedule of retry-schedule.ts (3 days), then the row is DEAD and logged for the operator.
// Receipts are queued unrendered (`renderAtSend`): the worker renders them just before sending,
// so the order link is fresh, and stores what it sent on the row.

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

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000)

/** Renews the lease every HEARTBEAT_MS until stopped; a failed renewal is retried at the next beat. */
function holdLease(row: ClaimedEmail, token: string, clock: () => Date) {
  const timer = setInterval(() => {
    renewEmailLease(row.id, token, new Date(clock().getTime() + LEASE_MS)).catch((error: unknown) =>
      logger.warn({ outboxId: row.id, err: message(error) }, 'mail lease renewal failed'),
    )
  }, HEARTBEAT_MS)
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * The send happened: record it, retrying until the database answers (200 ms, doubling up to 5 s).
 * Only a stop request ends the wait early; the row's lease then runs out and it is retried with the
 * same Message-ID, the one case where a receiver may see a copy.
 */
async function recordSent(row: ClaimedEmail, token: string, rendered: Awaited<ReturnType<typeof renderAtSend>>, clock: () => Date, signal?: AbortSignal) {
  for (let delay = 200; ; delay = Math.min(delay * 2, 5_000)) {
    try {
      if (!(await markEmailSent(row.id, token, rendered, clock()))) {
        logger.warn({ outboxId: row.id }, 'mail sent, but its lease had run out and another worker holds it (same Message-ID)')
      }
      return
    } catch (error) {
      logger.warn({ outboxId: row.id, err: message(error) }, 'mail sent; recording it failed, retrying')
      if (signal?.aborted) return
      await sleep(delay)
    }
  }
}

async function recordFailure(row: ClaimedEmail, token: string, error: unknown, now: Date, result: BatchResult) {
  const err = message(error)
  const log = { outboxId: row.id, kind: row.kind, attempts: row.attempts, err }
  if (row.attempts >= MAX_ATTEMPTS) {
    await markEmailDead(row.id, token, err, now)
    logger.error(log, 'mail dead: retried for 3 days; resend it with `npm run mail -- resend <id>`')
    result.dead++
    return
  }
  const nextAttemptAt = new Date(now.getTime() + backoffMs(row.attempts))
  await scheduleEmailRetry(row.id, token, nextAttemptAt, err)
  // Past the stuck threshold the operator must hear of it (it also shows on /healthz).
  if (now.getTime() - row.createdAt.getTime() > STUCK_AFTER_MS) {
    logger.error({ ...log, nextAttemptAt, waitingSince: row.createdAt }, 'mail stuck: undelivered for over 15 minutes; still retrying')
  } else {
    logger.warn({ ...log, nextAttemptAt }, 'mail delivery failed; will retry')
  }
  result.retried++
}

/**
 * `now` is the worker's clock at the start of the batch (it advances with real time from there):
 * what is due, when to retry, the lease, and the time in a rendered order link.
 */
export async function deliverDueMail(
  transport: MailTransport,
  { now = new Date(), batchSize = 20, signal }: { now?: Date; batchSize?: number; signal?: AbortSignal } = {},
): Promise<BatchResult> {
  const started = performance.now()
  const clock = () => new Date(now.getTime() + Math.round(performance.now() - started))
  // Requests for a link become mail (or are dropped) first, so they go out in this batch.
  await handleMailRequests()
  const result: BatchResult = { sent: 0, retried: 0, dead: 0 }
  for (let i = 0; i < batchSize; i++) {
    const token = randomUUID()
    const at = clock()
    const row = await claimDueEmail({ now: at, leaseUntil: new Date(at.getTime() + LEASE_MS), token })
    if (!row) break
    const release = holdLease(row, token, clock)
    try {
      let rendered: Awaited<ReturnType<typeof renderAtSend>>
      try {
        rendered = await renderAtSend(row, at)
        await transport.send(rendered ? { ...row, ...rendered, attachments: await receiptAttachments(row.dedupeKey) } : row)
      } catch (error) {
        await recordFailure(row, token, error, clock(), result)
        continue
      }
      await recordSent(row, token, rendered, clock, signal)
      result.sent++
    } finally {
      release()
    }
  }
  return result
}

/**
 * Polls the outbox every `intervalMs` until stopped. `stop()` lets the message in progress finish
 * (so none is left half-sent) and then resolves.
 */
export function startOutboxWorker(transport: MailTransport, { intervalMs = 2_000 } = {}) {
  const stopping = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let current: Promise<unknown> = Promise.resolve()
  const tick = () => {
    if (stopping.signal.aborted) return
    current = deliverDueMail(transport, { signal: stopping.signal })
      .then((r) => {
        // Keep draining while a full backlog is waiting.
        if (r.sent + r.retried + r.dead >= 20 && !stopping.signal.aborted) setImmediate(tick)
        else schedule()
      })
      .catch((error: unknown) => {
        logger.error({ err: message(error) }, 'outbox batch failed')
        schedule()
      })
  }
  const schedule = () => {
    if (!stopping.signal.aborted) timer = setTimeout(tick, intervalMs)
  }
  schedule()
  return async () => {
    stopping.abort()
    if (timer) clearTimeout(timer)
    await current
    transport.close()
  }
}

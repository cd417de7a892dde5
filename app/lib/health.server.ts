import { getEnv } from '~/lib/env.server'
import { mailDelivery, type MailDelivery } from '~/lib/mail/delivery-status'
import { STUCK_AFTER_MS } from '~/lib/mail/retry-schedule'
import { pingDatabase } from '~/models/database.server'
import { countUndeliveredEmails } from '~/models/outbox-email.server'

// What /healthz reports. `error` (503) means "restart or reroute me": the database is gone.
// `degraded` (200) means the store serves pages but something an operator must fix is off
// (mail not delivered, mail stuck in the outbox); a load balancer should keep sending traffic.

/** Dead mail counts as a problem for a week after it died; `npm run mail` lists it for longer. */
const DEAD_RECENT_MS = 7 * 24 * 3600_000

interface MailQueueHealth {
  /** Mail with a failed attempt, waiting longer than `stuckAfterMinutes` (still being retried). */
  stuck: number
  stuckAfterMinutes: number
  /** Mail given up on (after 3 days of retries) in the last 7 days. */
  deadLast7Days: number
  oldestWaitingSince: string | null
}

interface DatabaseHealth {
  ok: boolean
  latencyMs: number
  error?: string
}

interface HealthReport {
  status: 'ok' | 'degraded' | 'error'
  database: DatabaseHealth
  mail: MailDelivery['detail']
  mailQueue?: MailQueueHealth
  problems: string[]
}

async function checkDatabase(): Promise<DatabaseHealth> {
  const start = performance.now()
  try {
    await pingDatabase()
    return { ok: true, latencyMs: Math.round(performance.now() - start) }
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - start), error: (error as Error).message }
  }
}

async function checkMailQueue(now: Date): Promise<MailQueueHealth> {
  const counts = await countUndeliveredEmails({
    stuckBefore: new Date(now.getTime() - STUCK_AFTER_MS),
    deadSince: new Date(now.getTime() - DEAD_RECENT_MS),
  })
  return {
    stuck: counts.stuck,
    stuckAfterMinutes: STUCK_AFTER_MS / 60_000,
    deadLast7Days: counts.dead,
    oldestWaitingSince: counts.oldestWaitingSince?.toISOString() ?? null,
  }
}

export async function healthReport(env = getEnv(), now = new Date()): Promise<HealthReport> {
  const database = await checkDatabase()
  const mail = mailDelivery(env)
  const problems: string[] = []
  if (!database.ok) problems.push('database unreachable')
  if (mail.detail === 'not delivered: SMTP_URL unset') problems.push('mail is not delivered: SMTP_URL is unset on a server')
  const mailQueue = database.ok ? await checkMailQueue(now).catch(() => undefined) : undefined
  if (mailQueue?.stuck) problems.push(`${mailQueue.stuck} email(s) undelivered for over ${mailQueue.stuckAfterMinutes} minutes (still retrying; see npm run mail -- list)`)
  if (mailQueue?.deadLast7Days) problems.push(`${mailQueue.deadLast7Days} email(s) given up on after 3 days of retries (npm run mail -- resend <id>)`)
  const status = !database.ok ? 'error' : problems.length ? 'degraded' : 'ok'
  return { status, database, mail: mail.detail, ...(mailQueue && { mailQueue }), problems }
}

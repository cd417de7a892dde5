import { getEnv } from '~/lib/env.server'
import { mailDelivery, type MailDelivery } from '~/lib/mail/delivery-status'
import { pingDatabase } from '~/models/database.server'

// What /healthz reports. `error` (503) means "restart or reroute me": the database is gone.
// `degraded` (200) means the store serves pages but something an operator must fix is off
// (mail not delivered); a load balancer should keep sending traffic.

interface DatabaseHealth {
  ok: boolean
  latencyMs: number
  error?: string
}

interface HealthReport {
  status: 'ok' | 'degraded' | 'error'
  database: DatabaseHealth
  mail: MailDelivery['detail']
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

export async function healthReport(env = getEnv()): Promise<HealthReport> {
  const database = await checkDatabase()
  const mail = mailDelivery(env)
  const problems: string[] = []
  if (!database.ok) problems.push('database unreachable')
  if (mail.detail === 'not delivered: SMTP_URL unset') problems.push('mail is not delivered: SMTP_URL is unset on a server')
  const status = !database.ok ? 'error' : problems.length ? 'degraded' : 'ok'
  return { status, database, mail: mail.detail, problems }
}

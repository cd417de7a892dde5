import PgBoss from 'pg-boss'
import { getEnv } from '~/lib/env.server'
import { logger } from '~/lib/logger.server'
import { transactionQueueConnection, type QueueConnection } from '~/models/job-queue.server'
import type { Tx } from '~/models/db.server'

// "Do this once, reliably, after a commit": pg-boss keeps jobs in the store's own PostgreSQL (schema
// `pgboss`), so a job sent inside a transaction exists exactly when that transaction commits, and a
// worker in any instance picks it up. Handlers must be idempotent: pg-boss delivers at least once.
// Why pg-boss 10 and not 11+/graphile-worker: docs/decisions/0009-job-queue.md.

export type JobHandler<T extends object> = (data: T, job: { id: string; retryCount: number }) => Promise<void>

interface JobDefinition {
  name: string
  queue: Omit<PgBoss.Queue, 'name'>
  handler: JobHandler<object>
}

const definitions = new Map<string, JobDefinition>()
let running: PgBoss | null = null

/**
 * Declares a job kind. Call at module top level; the worker starts for every job defined before
 * `startQueue`. `queue` holds the retry policy (retryLimit, retryDelay, retryBackoff, expireInSeconds).
 */
export function defineJob<T extends object>(name: string, handler: JobHandler<T>, queue: Omit<PgBoss.Queue, 'name'> = {}) {
  definitions.set(name, { name, handler: handler as JobHandler<object>, queue })
  return {
    name,
    /** Sends after the caller's own commit; use `sendIn` to make the job part of a transaction. */
    send: (data: T, options: PgBoss.SendOptions = {}) => sendJob(name, data, options),
    /** The job exists if and only if `tx` commits. */
    sendIn: (tx: Tx, data: T, options: PgBoss.SendOptions = {}) =>
      sendJob(name, data, { ...options, db: transactionQueueConnection(tx) }),
  }
}

/** Whether this process started the queue (callers whose work also has a sweep may skip the send). */
export function isQueueStarted(): boolean {
  return running !== null
}

function boss(): PgBoss {
  if (!running) throw new Error('The job queue is not started (startQueue).')
  return running
}

async function sendJob(name: string, data: object, options: PgBoss.SendOptions & { db?: QueueConnection }) {
  return boss().send(name, data, options)
}

/**
 * Starts pg-boss (creating its schema on first start) and, unless `work` is false, one worker per
 * defined job. Returns a function that stops the workers after the jobs in progress.
 */
export async function startQueue({ work = true, pollingIntervalSeconds = 1 } = {}): Promise<() => Promise<void>> {
  const env = getEnv()
  const instance = new PgBoss({
    connectionString: env.DATABASE_URL,
    schema: 'pgboss',
    max: 3,
    application_name: 'beatstall-jobs',
    // Finished jobs are kept a week for the operator to inspect, then deleted.
    deleteAfterDays: 7,
  })
  instance.on('error', (err) => logger.error({ err }, 'job queue error'))
  await instance.start()
  running = instance
  for (const def of definitions.values()) {
    await instance.createQueue(def.name, { name: def.name, ...def.queue })
    if (!work) continue
    await instance.work<object>(def.name, { batchSize: 1, pollingIntervalSeconds }, async (jobs) => {
      for (const job of jobs) await def.handler(job.data, { id: job.id, retryCount: (job as { retryCount?: number }).retryCount ?? 0 })
    })
  }
  return async () => {
    if (running === instance) running = null
    await instance.stop({ graceful: true, wait: true, timeout: 10_000 })
  }
}

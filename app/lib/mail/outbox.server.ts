import type { Tx } from '~/lib/db.server'

// Queue an email in the caller's transaction: it commits (or rolls back) with the change it
// reports, and the worker (./worker.server.ts) delivers it. The dedupeKey makes queueing
// idempotent: a repeated webhook queues nothing new.

export interface QueuedEmail {
  dedupeKey: string
  kind: string
  to: string
  subject: string
  text: string
  html: string
}

/** Returns true when a new row was queued, false when the dedupeKey already existed. */
export async function queueEmail(tx: Tx, email: QueuedEmail): Promise<boolean> {
  const { count } = await tx.outboxEmail.createMany({ data: [email], skipDuplicates: true })
  return count === 1
}

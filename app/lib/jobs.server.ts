// Job modules register their job kinds at import (defineJob); the worker runs those defined here.
import '~/lib/audio/preview/job.server'
import { startQueue } from '~/lib/jobs/queue.server'
import { logger } from '~/lib/logger.server'
import { createMailTransport } from '~/lib/mail/transport.server'
import { startOutboxWorker } from '~/lib/mail/worker.server'
import { startCheckoutExpirySweep } from '~/lib/orders/checkout-expiry.server'

// Background work that runs inside the server process: the job queue's workers (pg-boss), the mail
// outbox worker and the sweep that expires abandoned checkouts. The returned function stops them
// after the work in progress.
export function startBackgroundJobs(): () => Promise<void> {
  const stopOutbox = startOutboxWorker(createMailTransport())
  const stopExpirySweep = startCheckoutExpirySweep()
  const queue = startQueue().catch((err: unknown) => {
    logger.error({ err }, 'the job queue did not start; queued work waits until the next start')
    return async () => {}
  })
  return async () => {
    await Promise.all([stopOutbox(), stopExpirySweep(), queue.then((stop) => stop())])
  }
}

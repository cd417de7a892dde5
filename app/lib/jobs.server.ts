import { startWaveformBackfill } from '~/lib/audio/waveform.server'
// Job modules register their job kinds at import (defineJob); the worker runs those defined here.
import '~/lib/audio/preview/job.server'
import { startQueue } from '~/lib/jobs/queue.server'
import { logger } from '~/lib/logger.server'
import { createMailTransport } from '~/lib/mail/transport.server'
import { startOutboxWorker } from '~/lib/mail/worker.server'
import { startCheckoutExpirySweep } from '~/lib/orders/checkout-expiry.server'
// Defines the jobs an exclusive sale sends (expire other checkouts, refund a second payment).
import '~/lib/orders/exclusive-jobs.server'
// Defines the payout transfer job (before startQueue, so its worker starts).
import { startPayoutSweep } from '~/lib/payouts/transfer-job.server'

// Background work that runs inside the server process: the job queue's workers (pg-boss), the mail
// outbox worker, the sweep that expires abandoned checkouts and the waveform backfill. The returned function stops them
// after the work in progress.
export function startBackgroundJobs(): () => Promise<void> {
  const stopOutbox = startOutboxWorker(createMailTransport())
  const stopExpirySweep = startCheckoutExpirySweep()
  const stopPayoutSweep = startPayoutSweep()
  const stopWaveforms = startWaveformBackfill()
  const queue = startQueue().catch((err: unknown) => {
    logger.error({ err }, 'the job queue did not start; queued work waits until the next start')
    return async () => {}
  })
  return async () => {
    await Promise.all([stopOutbox(), stopExpirySweep(), stopPayoutSweep(), stopWaveforms(), queue.then((stop) => stop())])
  }
}

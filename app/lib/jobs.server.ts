import { createMailTransport } from '~/lib/mail/transport.server'
import { startOutboxWorker } from '~/lib/mail/worker.server'
import { startCheckoutExpirySweep } from '~/lib/orders/checkout-expiry.server'

// Background work that runs inside the server process: the mail outbox worker and the sweep that
// expires abandoned checkouts. The returned function stops them after the work in progress.
export function startBackgroundJobs(): () => Promise<void> {
  const stopOutbox = startOutboxWorker(createMailTransport())
  const stopExpirySweep = startCheckoutExpirySweep()
  return async () => {
    await Promise.all([stopOutbox(), stopExpirySweep()])
  }
}

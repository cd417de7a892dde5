import { createMailTransport } from '~/lib/mail/transport.server'
import { startOutboxWorker } from '~/lib/mail/worker.server'

// Background work that runs inside the server process: the mail outbox worker. The returned
// function stops it after the batch in progress has finished.
export function startBackgroundJobs(): () => Promise<void> {
  const stopOutbox = startOutboxWorker(createMailTransport())
  return async () => {
    await stopOutbox()
  }
}

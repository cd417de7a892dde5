// A mail worker in a process of its own, for a test to kill mid-send: it delivers one batch to
// the SMTP server at argv[2] (the test's fake takes the message in and never answers, so the
// worker waits there until it is killed).
import { createSmtpTransport } from '~/lib/mail/transport.server'
import { deliverDueMail } from '~/lib/mail/worker.server'

const transport = createSmtpTransport(process.argv[2]!)
await deliverDueMail(transport)
transport.close()

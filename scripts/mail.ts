// npm run mail -- list [--all]     mail not yet delivered (PENDING, SENDING, DEAD), oldest first;
//                                  --all: the latest 200 rows of any status
// npm run mail -- resend <id>      puts one email back in the queue, due now, as a new message
//                                  (a receipt is rendered again, so its order link is fresh)
// Uses DATABASE_URL (or the embedded database in DATA_DIR, like npm start). The running store's
// worker sends what this queues.
import { parseArgs } from 'node:util'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { all: { type: 'boolean', default: false } } })
const [command, id] = positionals
if (command !== 'list' && !(command === 'resend' && id)) {
  console.log('usage: npm run mail -- list [--all] | resend <id>')
  process.exit(2)
}

const { prepareDatabase } = await import('~/server/database.server')
const db = await prepareDatabase((line) => console.log(`[mail] ${line}`))
const { listOutboxEmails, resendEmail } = await import('~/models/outbox-email.server')
const { prisma } = await import('~/models/db.server')
try {
  if (command === 'list') {
    const rows = await listOutboxEmails({ all: values.all })
    if (!rows.length) console.log(values.all ? 'The outbox is empty.' : 'Every email has been delivered.')
    for (const r of rows) {
      const when = r.status === 'SENT' ? `sent ${r.sentAt?.toISOString()}` : r.status === 'DEAD' ? `dead ${r.deadAt?.toISOString() ?? ''}` : `next ${r.nextAttemptAt.toISOString()}`
      console.log(`${r.id}  ${r.status.padEnd(7)}  ${r.kind.padEnd(10)}  ${r.to}  queued ${r.createdAt.toISOString()}  attempts ${r.attempts}  ${when}`)
      if (r.lastError && r.status !== 'SENT') console.log(`    last error: ${r.lastError}`)
    }
  } else if (!/^[0-9a-f-]{36}$/i.test(id!) || !(await resendEmail(id!))) {
    console.log(`No email with id ${id}.`)
    process.exitCode = 1
  } else {
    console.log(`Queued ${id} again; the store's mail worker sends it within seconds.`)
  }
} finally {
  await prisma.$disconnect()
  await db.embedded?.stop()
}

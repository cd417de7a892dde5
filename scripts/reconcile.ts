// npm run reconcile [-- --apply] [-- --hours=72]
// Lists recent Stripe Checkout Sessions and fulfils the paid ones the store has not recorded.
// Dry-run by default. Uses DATABASE_URL (or the embedded database in DATA_DIR, like npm start).
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { apply: { type: 'boolean', default: false }, hours: { type: 'string', default: '72' } } })

const { getEnv } = await import('../app/lib/env.server')
if (!getEnv().STRIPE_SECRET_KEY) {
  console.log('Test checkout mode (no STRIPE_SECRET_KEY): payments never leave this store, so there is nothing to reconcile.')
  process.exit(0)
}
// The same database `npm start` uses: DATABASE_URL, or the embedded one in DATA_DIR (migrated).
const { prepareDatabase } = await import('~/server/database.server')
const db = await prepareDatabase((line) => console.log(`[reconcile] ${line}`))
const stopDb = db.embedded ? () => db.embedded!.stop() : undefined
const { reconcile } = await import('../app/lib/orders/reconcile.server')
const { prisma } = await import('../app/models/db.server')
try {
  const report = await reconcile({ apply: values.apply, sinceHours: Number(values.hours) })
  console.log(`Checked ${report.checked} checkout session(s) from the last ${values.hours} h${values.apply ? '' : ' (dry run: add --apply to write)'}.`)
  for (const a of report.actions) console.log(`  ${a.sessionId}  order ${a.orderId ?? '?'}: ${a.action}`)
  if (!report.actions.length) console.log('  Every paid session is already recorded.')
} finally {
  await prisma.$disconnect()
  await stopDb?.()
}

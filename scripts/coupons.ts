// npm run coupons -- list
// npm run coupons -- create --code SPRING10 --percent 10 [--amount 5] [--starts 2026-12-01] [--ends 2026-12-31]
//   [--max-uses 100] [--once-per-email] [--min-lines 2] [--min-subtotal 50] [--tier BASIC]… [--beat <id>]…
//   [--stacks] [--include-exclusive]
// npm run coupons -- end --code SPRING10
// Store-wide codes (the operator's; producers make their own in the studio). Uses DATABASE_URL, or
// the embedded database in DATA_DIR, like npm start.
import { parseArgs } from 'node:util'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    code: { type: 'string' },
    percent: { type: 'string' },
    amount: { type: 'string' },
    starts: { type: 'string' },
    ends: { type: 'string' },
    'max-uses': { type: 'string' },
    'once-per-email': { type: 'boolean', default: false },
    'min-lines': { type: 'string' },
    'min-subtotal': { type: 'string' },
    tier: { type: 'string', multiple: true },
    beat: { type: 'string', multiple: true },
    stacks: { type: 'boolean', default: false },
    'include-exclusive': { type: 'boolean', default: false },
  },
})
const command = positionals[0]
if (command !== 'list' && command !== 'create' && command !== 'end') {
  console.log('Usage: npm run coupons -- list | create --code CODE (--percent N | --amount DOLLARS) [options] | end --code CODE')
  process.exit(command ? 1 : 0)
}

const { prepareDatabase } = await import('~/server/database.server')
const db = await prepareDatabase((line) => console.log(`[coupons] ${line}`))
const stopDb = db.embedded ? () => db.embedded!.stop() : undefined
const { prisma } = await import('../app/models/db.server')
const { codeFormSchema } = await import('../app/lib/discounts/forms')
const { createCode, describeCodes, endCode } = await import('../app/lib/discounts/manage.server')
const { findCouponByCode } = await import('../app/models/coupon.server')
const { DomainError } = await import('../app/lib/errors')
const { getEnv } = await import('../app/lib/env.server')

try {
  if (command === 'list') {
    const codes = await describeCodes(null, new Date(), getEnv().CURRENCY)
    if (!codes.length) console.log('No store-wide codes yet.')
    for (const c of codes)
      console.log(`${c.code.padEnd(14)} ${c.amount.padEnd(10)} ${c.status.padEnd(9)} ${c.uses}${c.maxUses ? `/${c.maxUses}` : ''} used  ${c.rules.join(', ')}`)
  } else if (command === 'create') {
    const parsed = codeFormSchema().safeParse({
      code: values.code ?? '',
      amountKind: values.amount !== undefined ? 'amount' : 'percent',
      percentOff: values.percent,
      amountOff: values.amount,
      startsOn: values.starts,
      endsOn: values.ends,
      maxUses: values['max-uses'],
      oncePerEmail: values['once-per-email'],
      minLines: values['min-lines'],
      minSubtotal: values['min-subtotal'],
      tiers: values.tier?.map((t) => t.toUpperCase()) ?? [],
      beatIds: values.beat ?? [],
      stacksWithDeals: values.stacks,
      includeExclusive: values['include-exclusive'],
    })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) console.error(`${issue.path.join('.') || 'code'}: ${issue.message}`)
      process.exitCode = 1
    } else {
      const created = await createCode(null, parsed.data)
      console.log(`Created store-wide code ${created.code}.`)
    }
  } else {
    const row = values.code ? await findCouponByCode(values.code.trim().toUpperCase()) : null
    if (!row || row.producerId !== null) {
      console.error(`No store-wide code ${values.code ?? '(give --code)'}.`)
      process.exitCode = 1
    } else {
      await endCode(null, row.id)
      console.log(`Ended ${row.code}.`)
    }
  }
} catch (error) {
  if (!(error instanceof DomainError)) throw error
  console.error(error.message)
  process.exitCode = 1
} finally {
  await prisma.$disconnect()
  await stopDb?.()
}

import { afterEach, describe, expect, it, vi } from 'vitest'
import { prisma } from '~/models/db.server'
import { handleMailRequests } from '~/lib/mail/mail-requests.server'
import * as forgot from '~/routes/studio.forgot-password'
import * as orders from '~/routes/orders._index'
import { makePaidOrder } from '../factories-orders'
import { formRequest, makeSignedInProducer } from '../factories-studio'
import { routeArgs, run } from '../utils/route'

// "Email me a link" forms take the same database work whether or not the address is known, so
// their answer time tells nobody who bought or who has a studio. Rather than measuring wall time,
// the test records every database call the request makes and compares the two paths.

const MODELS = ['producer', 'multiItemOrder', 'orderItem', 'passwordResetToken', 'outboxEmail', 'mailRequest'] as const
const OPERATIONS = ['findFirst', 'findUnique', 'findMany', 'count', 'create', 'createMany', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany'] as const

function recordDatabaseCalls(): string[] {
  const calls: string[] = []
  for (const model of MODELS) {
    const delegate = prisma[model] as unknown as Record<string, (...a: unknown[]) => unknown>
    for (const op of OPERATIONS) {
      const original = delegate[op]!.bind(delegate)
      vi.spyOn(delegate, op).mockImplementation((...a: unknown[]) => {
        calls.push(`${model}.${op}`)
        return original(...a)
      })
    }
  }
  for (const op of ['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe', '$transaction'] as const) {
    const client = prisma as unknown as Record<string, (...a: unknown[]) => unknown>
    const original = client[op]!.bind(prisma)
    vi.spyOn(client, op).mockImplementation((...a: unknown[]) => {
      calls.push(op)
      return original(...a)
    })
  }
  return calls
}

afterEach(() => vi.restoreAllMocks())

async function callsOf(action: () => Promise<unknown>) {
  const calls = recordDatabaseCalls()
  const res = await run(action)
  vi.restoreAllMocks()
  return { calls, res }
}

describe('/orders', () => {
  it('makes the same database calls, and no lookup, for an address with orders and one without', async () => {
    await makePaidOrder({ email: 'bought@example.test' })
    const post = (email: string, ip: string) => orders.action(routeArgs(formRequest('/orders', { email }), {}, ip))
    const known = await callsOf(() => post('bought@example.test', '198.51.100.61'))
    const unknown = await callsOf(() => post('never@example.test', '198.51.100.62'))
    expect(known.res).toEqual(unknown.res)
    expect(known.calls).toEqual(unknown.calls)
    expect(known.calls).toEqual(['mailRequest.create'])
    // The worker sends the link to the buyer only.
    await handleMailRequests()
    expect(await prisma.outboxEmail.count({ where: { kind: 'order-link', to: 'bought@example.test' } })).toBe(1)
    expect(await prisma.outboxEmail.count({ where: { to: 'never@example.test' } })).toBe(0)
    expect(await prisma.mailRequest.count()).toBe(0)
  })
})

describe('forgot-password', () => {
  it('makes the same database calls, and no lookup, for an existing account and an unknown one', async () => {
    const p = await makeSignedInProducer()
    const post = (email: string, ip: string) => forgot.action(routeArgs(formRequest('/studio/forgot-password', { email }), {}, ip))
    const known = await callsOf(() => post(p.email, '198.51.100.63'))
    const unknown = await callsOf(() => post('nobody-here@example.test', '198.51.100.64'))
    expect(known.res).toEqual(unknown.res)
    expect(known.calls).toEqual(unknown.calls)
    expect(known.calls).toEqual(['mailRequest.create'])
    await handleMailRequests()
    expect(await prisma.outboxEmail.count({ where: { kind: 'password-reset', to: p.email } })).toBe(1)
    expect(await prisma.outboxEmail.count({ where: { to: 'nobody-here@example.test' } })).toBe(0)
    expect(await prisma.passwordResetToken.count({ where: { producerId: p.id } })).toBe(1)
  })
})

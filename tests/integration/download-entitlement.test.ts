import { describe, expect, it } from 'vitest'
import { createOrderAccessToken, verifyOrderAccessToken, type AccessCheck } from '~/lib/access/order-access.server'
import { decideEntitlement, type EntitlementInput } from '~/lib/downloads/entitlement'
import { listOrdersForAccess } from '~/lib/downloads/order-downloads.server'
import { prisma } from '~/models/db.server'
import { countCountedDownloads, countCountedDownloadsByLine, logAllowedDownloadWithinLimit, logDownload } from '~/models/download.server'
import { makePaidOrder } from '../factories-orders'

const email = 'ada@example.test'
const ok: AccessCheck = { ok: true, email, expiresAt: new Date(Date.now() + 60_000) }
const base: EntitlementInput = {
  access: ok,
  line: { tier: 'BASIC', status: 'ACTIVE', files: ['MP3'], producerName: 'Kay', orderEmail: email, orderStatus: 'PAID' },
  kind: 'MP3',
  used: 0,
  limit: 10,
  fileAvailable: true,
}
const withLine = (patch: Partial<NonNullable<EntitlementInput['line']>>, rest: Partial<EntitlementInput> = {}) =>
  decideEntitlement({ ...base, ...rest, line: { ...base.line!, ...patch } })

describe('decideEntitlement: every branch', () => {
  it('allows a paid, active line the tier covers, with downloads left', () => {
    expect(decideEntitlement(base)).toEqual({ allowed: true, remaining: 10 })
    expect(decideEntitlement({ ...base, used: 9 })).toEqual({ allowed: true, remaining: 1 })
  })
  it('refuses without proof of access (401) and with an expired link (410, offering a fresh one)', () => {
    expect(decideEntitlement({ ...base, access: { ok: false, reason: 'missing' } })).toMatchObject({ allowed: false, reason: 'NO_ACCESS', status: 401 })
    expect(decideEntitlement({ ...base, access: { ok: false, reason: 'invalid' } })).toMatchObject({ reason: 'NO_ACCESS', status: 401 })
    expect(decideEntitlement({ ...base, access: { ok: false, reason: 'expired', email } })).toMatchObject({ reason: 'LINK_EXPIRED', status: 410, email })
  })
  it('treats another buyer’s line exactly like a missing one (404)', () => {
    expect(withLine({ orderEmail: 'someone@else.test' })).toMatchObject({ reason: 'NOT_FOUND', status: 404 })
    expect(decideEntitlement({ ...base, line: null })).toMatchObject({ reason: 'NOT_FOUND', status: 404 })
    // Case differences in the stored address still match.
    expect(withLine({ orderEmail: 'Ada@Example.TEST' })).toMatchObject({ allowed: true })
  })
  it('refuses unpaid orders (403), refunded lines or orders (410) and disputed orders (423)', () => {
    for (const orderStatus of ['PENDING', 'EXPIRED', 'FAILED'] as const) {
      expect(withLine({ orderStatus })).toMatchObject({ reason: 'NOT_PAID', status: 403 })
    }
    expect(withLine({ status: 'REFUNDED' })).toMatchObject({ reason: 'REFUNDED', status: 410 })
    expect(withLine({ orderStatus: 'REFUNDED' })).toMatchObject({ reason: 'REFUNDED', status: 410 })
    expect(withLine({ orderStatus: 'DISPUTED' })).toMatchObject({ reason: 'DISPUTED', status: 423 })
  })
  it('refuses a file the tier does not include (403) and names the tier that does', () => {
    const e = decideEntitlement({ ...base, kind: 'STEMS' })
    expect(e).toMatchObject({ reason: 'NOT_INCLUDED', status: 403, upgradeTier: 'TRACKOUT' })
    expect(e.allowed ? '' : e.message).toBe('Your Basic license covers the MP3; stems come with Trackout.')
    expect(decideEntitlement({ ...base, kind: 'WAV' })).toMatchObject({ reason: 'NOT_INCLUDED', upgradeTier: 'TRACKOUT' })
  })
  it('refuses at the limit (429) and names the producer to contact', () => {
    const e = decideEntitlement({ ...base, used: 10 })
    expect(e).toMatchObject({ reason: 'LIMIT_REACHED', status: 429 })
    expect(e.allowed ? '' : e.message).toContain('Contact Kay')
  })
  it('refuses a file the producer has not uploaded (404)', () => {
    expect(decideEntitlement({ ...base, fileAvailable: false })).toMatchObject({ reason: 'FILE_MISSING', status: 404 })
  })
})

describe('order access tokens', () => {
  it('round-trips, binds the address, and expires after 30 minutes', () => {
    const now = new Date('2026-11-22T05:00:00Z')
    const { token } = createOrderAccessToken('Ada@Example.test', { now })
    expect(verifyOrderAccessToken(token, new Date(now.getTime() + 29 * 60_000))).toMatchObject({ ok: true, email: 'ada@example.test' })
    expect(verifyOrderAccessToken(token, new Date(now.getTime() + 30 * 60_000))).toEqual({ ok: false, reason: 'expired', email: 'ada@example.test' })
  })
  it('rejects guessed, tampered, and re-addressed tokens', () => {
    const { token } = createOrderAccessToken('ada@example.test')
    const [payload, sig] = token.split('.') as [string, string]
    const forged = Buffer.from(JSON.stringify({ e: 'eve@example.test', x: 9_999_999_999 })).toString('base64url')
    expect(verifyOrderAccessToken(`${forged}.${sig}`)).toEqual({ ok: false, reason: 'invalid' })
    expect(verifyOrderAccessToken(`${payload}.${sig.slice(0, -2)}AA`)).toEqual({ ok: false, reason: 'invalid' })
    expect(verifyOrderAccessToken('guess.guess')).toEqual({ ok: false, reason: 'invalid' })
    expect(verifyOrderAccessToken('nodots')).toEqual({ ok: false, reason: 'invalid' })
    expect(verifyOrderAccessToken(`${token}.extra`)).toEqual({ ok: false, reason: 'invalid' })
  })
})

describe('download counting (the rule the studio shares)', () => {
  it('counts allowed downloads per kind per line, after downloadsResetAt only', async () => {
    const order = await makePaidOrder({ lines: [{ tier: 'TRACKOUT' }] })
    const line = order.items[0]!
    const entry = { orderItemId: line.id, ip: '127.0.0.1', userAgent: 'test' }
    await logDownload(prisma, { ...entry, fileKind: 'MP3', allowed: true })
    await logDownload(prisma, { ...entry, fileKind: 'MP3', allowed: true })
    await logDownload(prisma, { ...entry, fileKind: 'MP3', allowed: false, reason: 'LIMIT_REACHED' })
    await logDownload(prisma, { ...entry, fileKind: 'WAV', allowed: true })
    expect(await countCountedDownloads(prisma, { id: line.id, downloadsResetAt: null }, 'MP3')).toBe(2)
    expect(await countCountedDownloads(prisma, { id: line.id, downloadsResetAt: null }, 'WAV')).toBe(1)
    const resetAt = new Date()
    expect(await countCountedDownloads(prisma, { id: line.id, downloadsResetAt: resetAt }, 'MP3')).toBe(0)
    const byLine = await countCountedDownloadsByLine([{ id: line.id }])
    expect(Object.fromEntries(byLine.get(line.id)!)).toEqual({ MP3: 2, WAV: 1, STEMS: 0 })
  })

  it('the guarded insert refuses once the limit is reached, writing nothing (the stale-count case)', async () => {
    const order = await makePaidOrder({ lines: [{ tier: 'BASIC' }] })
    const entry = { orderItemId: order.items[0]!.id, fileKind: 'MP3' as const, ip: '127.0.0.1', userAgent: 't' }
    expect(await logAllowedDownloadWithinLimit(prisma, entry, 2)).toBe(true)
    expect(await logAllowedDownloadWithinLimit(prisma, entry, 2)).toBe(true)
    expect(await logAllowedDownloadWithinLimit(prisma, entry, 2)).toBe(false)
    expect(await prisma.downloadLog.count({ where: { orderItemId: entry.orderItemId } })).toBe(2)
    await prisma.orderItem.update({ where: { id: entry.orderItemId }, data: { downloadsResetAt: new Date() } })
    expect(await logAllowedDownloadWithinLimit(prisma, entry, 2)).toBe(true)
  })
})

describe('order page view', () => {
  it('lists only that address’s paid orders, newest first, with not-included files shown', async () => {
    const older = await makePaidOrder({ email, createdAt: new Date('2026-01-01T00:00:00Z'), lines: [{ tier: 'BASIC' }] })
    const newer = await makePaidOrder({ email: 'ADA@example.test', lines: [{ tier: 'TRACKOUT' }] })
    await makePaidOrder({ email, status: 'PENDING' })
    await makePaidOrder({ email: 'other@example.test' })
    const views = await listOrdersForAccess(ok as Extract<AccessCheck, { ok: true }>)
    expect(views.map((v) => v.id)).toEqual([newer.id, older.id])
    const basic = views[1]!.lines[0]!
    expect(basic.files.map((f) => [f.kind, f.allowed, f.upgradeTierLabel])).toEqual([
      ['MP3', true, null],
      ['WAV', false, 'Trackout'],
      ['STEMS', false, 'Trackout'],
    ])
    expect(views[0]!.lines[0]!.files.every((f) => f.allowed && f.remaining === 10)).toBe(true)
  })
})

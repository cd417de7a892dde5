import { describe, expect, it } from 'vitest'
import { verifyPassword } from '~/lib/auth/password.server'
import { hashResetToken } from '~/lib/auth/password-reset.server'
import { prisma } from '~/models/db.server'
import { handleMailRequests } from '~/lib/mail/mail-requests.server'
import * as forgot from '~/routes/studio.forgot-password'
import * as reset from '~/routes/studio.reset-password'
import * as studioHome from '~/routes/studio._index'
import { formRequest, getRequest, makeSignedInProducer, sessionCookie } from '../factories-studio'
import { routeArgs, run } from '../utils/route'

async function requestLink(email: string, ip = '198.51.100.20') {
  const res = await run(() => forgot.action(routeArgs(formRequest('/studio/forgot-password', { email }), {}, ip)))
  expect(res.status).toBe(200)
  expect(res.data).toMatchObject({ sent: true })
  await handleMailRequests()
  const mail = await prisma.outboxEmail.findFirst({ where: { to: email, kind: 'password-reset' }, orderBy: { createdAt: 'desc' }, select: { text: true, html: true } })
  const link = mail?.text.match(/http:\/\/store\.test\/studio\/reset-password\?token=([\w-]+)/)
  return link ? link[1]! : null
}

describe('password reset by emailed link', () => {
  it('emails a link whose token is stored only hashed, and lets the producer set a new password once', async () => {
    const p = await makeSignedInProducer()
    const token = await requestLink(p.email)
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    const row = await prisma.passwordResetToken.findFirstOrThrow({ where: { producerId: p.id }, select: { tokenHash: true, expiresAt: true } })
    expect(row.tokenHash).toBe(hashResetToken(token!))
    expect(row.tokenHash).not.toContain(token!)
    const ttl = row.expiresAt.getTime() - Date.now()
    expect(ttl).toBeGreaterThan(59 * 60 * 1000)
    expect(ttl).toBeLessThanOrEqual(60 * 60 * 1000)

    const page = await run(() => reset.loader(routeArgs(getRequest(`/studio/reset-password?token=${token}`))))
    expect(page.data).toMatchObject({ state: 'valid' })

    const done = await run(() => reset.action(routeArgs(formRequest('/studio/reset-password', { token: token!, password: 'brand new password', confirm: 'brand new password' }))))
    expect(done.status).toBe(302)
    expect(done.headers.get('Set-Cookie')).toContain('__beatstall_studio=')
    const { passwordHash } = await prisma.producer.findUniqueOrThrow({ where: { id: p.id }, select: { passwordHash: true } })
    expect(await verifyPassword(passwordHash!, 'brand new password')).toBe(true)
    expect(await verifyPassword(passwordHash!, p.password)).toBe(false)

    const again = await run(() => reset.action(routeArgs(formRequest('/studio/reset-password', { token: token!, password: 'another new password', confirm: 'another new password' }))))
    expect(again.status).toBe(410)
    expect(JSON.stringify(again.data)).toContain('already used')
    const pageAgain = await run(() => reset.loader(routeArgs(getRequest(`/studio/reset-password?token=${token}`))))
    expect(pageAgain.data).toMatchObject({ state: 'used' })
  })

  it('signs out every session opened before the reset, and keeps the one it opens', async () => {
    const p = await makeSignedInProducer()
    const elsewhere = await sessionCookie(p.id)
    const studioFor = (cookie: string) => run(() => studioHome.loader(routeArgs(getRequest('/studio', cookie))))
    expect((await studioFor(p.cookie)).status).toBe(200)
    expect((await studioFor(elsewhere)).status).toBe(200)

    const token = await requestLink(p.email)
    const done = await run(() => reset.action(routeArgs(formRequest('/studio/reset-password', { token: token!, password: 'a fresh password 42', confirm: 'a fresh password 42' }))))
    expect(done.status).toBe(302)
    const fresh = done.headers.get('Set-Cookie')!.split(';')[0]!

    for (const old of [p.cookie, elsewhere]) {
      const res = await studioFor(old)
      expect(res.status).toBe(302)
      expect(res.headers.get('Location')).toMatch(/^\/studio\/login\?/)
    }
    expect((await studioFor(fresh)).status).toBe(200)
    const { sessionVersion } = await prisma.producer.findUniqueOrThrow({ where: { id: p.id }, select: { sessionVersion: true } })
    expect(sessionVersion).toBe(1)
  })

  it('refuses an expired link', async () => {
    const p = await makeSignedInProducer()
    const token = await requestLink(p.email, '198.51.100.21')
    await prisma.passwordResetToken.updateMany({ where: { producerId: p.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const res = await run(() => reset.action(routeArgs(formRequest('/studio/reset-password', { token: token!, password: 'brand new password', confirm: 'brand new password' }))))
    expect(res.status).toBe(410)
    expect(JSON.stringify(res.data)).toContain('expired')
    const { passwordHash } = await prisma.producer.findUniqueOrThrow({ where: { id: p.id }, select: { passwordHash: true } })
    expect(await verifyPassword(passwordHash!, p.password)).toBe(true)
  })

  it('refuses a made-up token, mismatched passwords, and says the same for unknown emails', async () => {
    const made = await run(() => reset.action(routeArgs(formRequest('/studio/reset-password', { token: 'x'.repeat(43), password: 'brand new password', confirm: 'brand new password' }))))
    expect(made.status).toBe(410)
    expect(JSON.stringify(made.data)).toContain('not valid')
    const p = await makeSignedInProducer()
    const token = await requestLink(p.email, '198.51.100.22')
    const mismatch = await run(() => reset.action(routeArgs(formRequest('/studio/reset-password', { token: token!, password: 'brand new password', confirm: 'different password' }))))
    expect(mismatch.status).toBe(400)
    expect(JSON.stringify(mismatch.data)).toContain('do not match')
    expect(await requestLink('nobody-here@example.test', '198.51.100.22')).toBeNull()
  })

  it('a newer link spends the older ones when used', async () => {
    const p = await makeSignedInProducer()
    const first = await requestLink(p.email, '198.51.100.23')
    const second = await requestLink(p.email, '198.51.100.23')
    expect(first).not.toBe(second)
    const used = await run(() => reset.action(routeArgs(formRequest('/studio/reset-password', { token: second!, password: 'brand new password', confirm: 'brand new password' }))))
    expect(used.status).toBe(302)
    const old = await run(() => reset.action(routeArgs(formRequest('/studio/reset-password', { token: first!, password: 'other new password', confirm: 'other new password' }))))
    expect(old.status).toBe(410)
  })

  it('rate-limits reset requests per email', async () => {
    const p = await makeSignedInProducer()
    for (let i = 0; i < 3; i++) await requestLink(p.email, `198.51.100.${30 + i}`)
    const limited = await run(() => forgot.action(routeArgs(formRequest('/studio/forgot-password', { email: p.email }), {}, '198.51.100.40')))
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    // Cross-site posts never reach the action: the HTTP server refuses them first
    // (studio-uploads-http.test.ts, "cross-site posts").
  })
})

import { describe, expect, it } from 'vitest'
import { getProducer, requireProducer } from '~/lib/auth/session.server'
import { prisma } from '~/models/db.server'
import type { FormErrors } from '~/lib/form'
import * as login from '~/routes/studio.login'
import * as logout from '~/routes/studio.logout'
import * as signup from '~/routes/studio.signup'
import { SIGN_IN_LIMITS } from '~/lib/security/sign-in-limits.server'
import { formRequest, getRequest, makeSignedInProducer } from '../factories-studio'
import { routeArgs, run } from '../utils/route'

function cookieOf(setCookie: string | null) {
  return setCookie!.split(';')[0]!
}

describe('sign up', () => {
  it('creates a producer with default terms, a hashed password and a session', async () => {
    const res = await run(() =>
      signup.action(routeArgs(formRequest('/studio/signup', { displayName: 'Lil <b>Test</b>', email: 'New@Example.TEST', password: 'a long password' }))),
    )
    expect(res.status).toBe(302)
    expect(res.location).toBe('/studio')
    const producer = await prisma.producer.findUniqueOrThrow({
      where: { email: 'new@example.test' },
      select: { id: true, passwordHash: true, displayName: true, licenseTerms: { select: { tier: true } } },
    })
    expect(producer.passwordHash).toMatch(/^\$argon2id\$/)
    expect(producer.displayName).toBe('Lil <b>Test</b>')
    expect(producer.licenseTerms).toHaveLength(4)
    const me = await getProducer(getRequest('/studio', cookieOf(res.headers.get('Set-Cookie'))))
    expect(me?.id).toBe(producer.id)
  })

  it('refuses a taken email, a short password and a malformed email', async () => {
    const { email } = await makeSignedInProducer()
    const taken = await run(() => signup.action(routeArgs(formRequest('/studio/signup', { displayName: 'Again', email: email.toUpperCase(), password: 'a long password' }), {}, '198.51.100.1')))
    expect(taken.status).toBe(409)
    expect(JSON.stringify(taken.data)).toContain('already exists')
    const short = await run(() => signup.action(routeArgs(formRequest('/studio/signup', { displayName: 'Shorty', email: 'short@example.test', password: 'short' }), {}, '198.51.100.1')))
    expect(short.status).toBe(400)
    expect((short.data as { errors: FormErrors }).errors.fieldErrors.password?.[0]).toMatch(/at least 10/)
    const bad = await run(() => signup.action(routeArgs(formRequest('/studio/signup', { displayName: 'Bad', email: 'not-an-email', password: 'a long password' }), {}, '198.51.100.1')))
    expect((bad.data as { errors: FormErrors }).errors.fieldErrors.email?.[0]).toMatch(/valid email/)
  })
})

describe('sign in', () => {
  it('refuses a wrong password with the same message as an unknown email', async () => {
    const p = await makeSignedInProducer()
    const wrong = await run(() => login.action(routeArgs(formRequest('/studio/login', { email: p.email, password: 'wrong password!' }), {}, '192.0.2.10')))
    const unknown = await run(() => login.action(routeArgs(formRequest('/studio/login', { email: 'nobody@example.test', password: 'wrong password!' }), {}, '192.0.2.10')))
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.data).toEqual({ errors: { fieldErrors: {}, formError: 'That email and password do not match.' }, email: p.email })
    expect((unknown.data as { errors: unknown }).errors).toEqual((wrong.data as { errors: unknown }).errors)
    expect(wrong.headers.get('Set-Cookie')).toBeNull()
  })

  it('signs in with the right password and follows only same-site redirects', async () => {
    const p = await makeSignedInProducer()
    const ok = await run(() => login.action(routeArgs(formRequest('/studio/login', { email: p.email, password: p.password, redirectTo: '/studio/sales' }), {}, '192.0.2.11')))
    expect(ok.status).toBe(302)
    expect(ok.location).toBe('/studio/sales')
    const evil = await run(() => login.action(routeArgs(formRequest('/studio/login', { email: p.email, password: p.password, redirectTo: '//evil.example/x' }), {}, '192.0.2.11')))
    expect(evil.location).toBe('/studio')
  })

  it('rate-limits attempts per email with a 429 and Retry-After, even from many addresses', async () => {
    const p = await makeSignedInProducer()
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points; i++) {
      const res = await run(() => login.action(routeArgs(formRequest('/studio/login', { email: p.email, password: 'nope nope nope' }), {}, `10.0.0.${i}`)))
      expect(res.status).toBe(401)
    }
    const limited = await run(() => login.action(routeArgs(formRequest('/studio/login', { email: p.email, password: p.password }), {}, '10.0.0.99')))
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((limited.data as { errors: FormErrors }).errors.formError).toMatch(/Too many sign-in attempts/)
  })

  it('rate-limits attempts per IP across many emails', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      const res = await run(() => login.action(routeArgs(formRequest('/studio/login', { email: `guess${i}@example.test`, password: 'nope nope nope' }), {}, '192.0.2.200')))
      statuses.push(res.status)
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true)
    expect(statuses[30]).toBe(429)
  })
  // A login form posted from another site is refused by the HTTP server before any route runs
  // (tests/integration/studio-uploads-http.test.ts, "cross-site posts").
})

describe('sessions', () => {
  it('sends signed-out visitors to the login page with a way back', async () => {
    const res = await run(() => requireProducer(getRequest('/studio/sales?range=7')))
    expect(res.status).toBe(302)
    expect(res.location).toBe('/studio/login?redirectTo=%2Fstudio%2Fsales%3Frange%3D7')
  })

  it('ignores a tampered cookie', async () => {
    const p = await makeSignedInProducer()
    const [name, value] = p.cookie.split('=') as [string, string]
    const forged = `${name}=${value.slice(0, -3)}abc`
    expect(await getProducer(getRequest('/studio', forged))).toBeNull()
    expect((await getProducer(getRequest('/studio', p.cookie)))?.id).toBe(p.id)
  })

  it('signs out with a POST that clears the cookie', async () => {
    const p = await makeSignedInProducer()
    const res = await run(() => logout.action(routeArgs(formRequest('/studio/logout', {}, { cookie: p.cookie }))))
    expect(res.status).toBe(302)
    expect(res.headers.get('Set-Cookie')).toMatch(/Expires=Thu, 01 Jan 1970/)
    // Cross-site posts never reach the action: the HTTP server refuses them first
    // (studio-uploads-http.test.ts, "cross-site posts").
  })
})

import { describe, expect, it } from 'vitest'
import { safeRedirect } from '~/lib/auth/redirect'
import * as login from '~/routes/studio.login'
import { formRequest, makeSignedInProducer } from '../factories-studio'
import { routeArgs, run } from '../utils/route'

// After sign-in the store follows only a path on its own origin, however the target is spelled.

const NASTY = [
  '/\t/evil.example/path',
  '/\t\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/studio\r\nSet-Cookie: x=1',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '\\/\\/evil.example',
  '\\\\evil.example',
  '/%09/evil.example',
  '/%5C/evil.example',
  '/%2F/evil.example',
  '/%0d%0a/evil.example',
  '/\u3000/evil.example',
  '/\u202e/evil.example',
  '/／evil.example',
  'https://evil.example',
  'javascript:alert(1)',
  ' /studio',
  'studio',
  '',
]

describe('safeRedirect', () => {
  it.each(NASTY)('refuses %j', (to) => {
    expect(safeRedirect(to, '/studio')).toBe('/studio')
  })

  it('keeps same-origin paths with their query and fragment', () => {
    expect(safeRedirect('/studio/sales?range=7#top')).toBe('/studio/sales?range=7#top')
    expect(safeRedirect('/studio/beats/abc%20def')).toBe('/studio/beats/abc%20def')
    expect(safeRedirect(null)).toBe('/studio')
  })
})

describe('the login action', () => {
  it.each(NASTY)('answers a same-origin redirect for redirectTo=%j after the right password', async (redirectTo) => {
    const p = await makeSignedInProducer()
    const res = await run(() => login.action(routeArgs(formRequest('/studio/login', { email: p.email, password: p.password, redirectTo }), {}, '192.0.2.50')))
    expect(res.status).toBe(302)
    expect(res.location).toBe('/studio')
  })
})

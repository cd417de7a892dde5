import { describe, expect, it } from 'vitest'
import { accessCookieHeader, createOrderAccessToken, verifyOrderAccessToken } from '~/lib/access/order-access.server'
import { prisma } from '~/models/db.server'
import { reloadEnv } from '~/lib/env.server'
import { successPageDownloads } from '~/lib/downloads/success-downloads.server'
import { handleMailRequests } from '~/lib/mail/mail-requests.server'
import { loader as mailboxLoader } from '~/routes/dev.mailbox._index'
import { loader as pdfLoader } from '~/routes/licenses.$id_.pdf'
import { action as ordersAction } from '~/routes/orders._index'
import { loader as viewLoader } from '~/routes/orders.view'
import { makePaidOrder } from '../factories-orders'
import { callRoute } from '../utils/route'

// The order page reached by email: the request form, the link it sends, and what the link opens.

function post(email: string, ip = '198.51.100.1') {
  const request = new Request('http://store.test/orders', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://store.test' },
    body: new URLSearchParams({ email }),
  })
  return callRoute(ordersAction, request, {}, ip)
}

const view = (url: string, cookie?: string) => callRoute(viewLoader, new Request(url, { headers: cookie ? { Cookie: cookie } : {} }), {}, '127.0.0.1')

describe('/orders: ask for the link', () => {
  it('answers the same for an address with orders and one without, and queues mail only for the first', async () => {
    await makePaidOrder({ email: 'known@example.test' })
    const known = await post('known@example.test')
    const unknown = await post('unknown@example.test', '198.51.100.2')
    expect(known).toEqual(unknown)
    expect(known.data).toEqual({ sent: true, errors: { fieldErrors: {} } })
    await handleMailRequests()
    expect(await prisma.outboxEmail.count({ where: { kind: 'order-link', to: 'known@example.test' } })).toBe(1)
    expect(await prisma.outboxEmail.count({ where: { to: 'unknown@example.test' } })).toBe(0)
  })

  it('rejects a malformed address with 400 and a readable message', async () => {
    const res = await post('not an email', '198.51.100.3')
    expect(res.status).toBe(400)
    expect(res.data).toMatchObject({ sent: false, errors: { fieldErrors: { email: ['Please enter a valid email address.'] } } })
  })

  it('is rate-limited per address (3 per 15 min) and per IP (10 per 15 min)', async () => {
    for (let i = 0; i < 3; i++) expect((await post('limited@example.test', `198.51.100.${10 + i}`)).status).toBe(200)
    const fourth = await post('LIMITED@example.test', '198.51.100.20')
    expect(fourth.status).toBe(429)
    expect(Number(fourth.headers.get('Retry-After'))).toBeGreaterThan(0)
    for (let i = 0; i < 10; i++) expect((await post(`ip${i}@example.test`, '198.51.100.99')).status).toBe(200)
    expect((await post('ip-next@example.test', '198.51.100.99')).status).toBe(429)
  })
})

describe('/orders/view: the page the link opens', () => {
  it('moves a valid token into a cookie, then lists that address’s orders newest first', async () => {
    const a = await makePaidOrder({ email: 'view@example.test', createdAt: new Date('2026-01-01') })
    const b = await makePaidOrder({ email: 'view@example.test' })
    await makePaidOrder({ email: 'someone@example.test' })
    const { token } = createOrderAccessToken('view@example.test')
    const first = await view(`http://store.test/orders/view?token=${encodeURIComponent(token)}`)
    expect(first.status).toBe(302)
    expect(first.headers.get('Location')).toBe('/orders/view')
    const setCookie = first.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const page = await view('http://store.test/orders/view', setCookie.split(';')[0])
    expect(page.status).toBe(200)
    const data = page.data as { email: string; orders: { id: string }[] }
    expect(data.email).toBe('view@example.test')
    expect(data.orders.map((o) => o.id)).toEqual([b.id, a.id])
  })

  it('answers 410 with the address for an expired link, 401 for a guessed one or none', async () => {
    const { token } = createOrderAccessToken('late@example.test', { now: new Date(Date.now() - 31 * 60_000) })
    const expired = await view(`http://store.test/orders/view?token=${encodeURIComponent(token)}`)
    expect(expired.status).toBe(410)
    expect(expired.data).toMatchObject({ problem: { kind: 'expired', email: 'late@example.test' }, orders: [] })
    expect((await view('http://store.test/orders/view?token=abc.def')).status).toBe(401)
    expect((await view('http://store.test/orders/view')).status).toBe(401)
  })
})

describe('/licenses/:id/pdf', () => {
  const pdf = (id: string, cookie?: string) =>
    callRoute(pdfLoader, new Request(`http://store.test/licenses/${id}/pdf`, { headers: cookie ? { Cookie: cookie } : {} }), { id }, '127.0.0.1')
  const cookieFor = async (email: string) => {
    const { token, expiresAt } = createOrderAccessToken(email)
    return (await accessCookieHeader(new Request('http://store.test/'), token, expiresAt)).split(';')[0]!
  }

  it('serves the buyer’s PDF; refuses without access (401) and for another address (404)', async () => {
    const order = await makePaidOrder({ email: 'pdf@example.test', lines: [{ tier: 'BASIC' }] })
    const id = order.items[0]!.id
    const ok = await pdf(id, await cookieFor('pdf@example.test'))
    expect(ok.status).toBe(200)
    expect(ok.headers.get('Content-Type')).toBe('application/pdf')
    expect(ok.headers.get('Content-Disposition')).toMatch(/Basic/)
    const refused = await pdf(id)
    expect(refused.status).toBe(401)
    // A browser navigated here: the refusal is a readable page, not a JSON string.
    expect(refused.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(refused.data).toContain('Open your license from the order page link we emailed you')
    expect((await pdf(id, await cookieFor('other@example.test'))).status).toBe(404)
    expect((await pdf('nope', await cookieFor('pdf@example.test'))).status).toBe(404)
  })
})

describe('success page downloads', () => {
  it('grants the 30-minute access cookie for an hour after payment, not later', async () => {
    const order = await makePaidOrder({ email: 'Fresh@Example.test', lines: [{ tier: 'BASIC' }] })
    const fresh = await successPageDownloads(new Request('http://store.test/checkout/success'), { id: order.id, email: 'Fresh@Example.test', paidAt: new Date() })
    expect(Object.keys(fresh.lines)).toEqual([order.items[0]!.id])
    expect(fresh.lines[order.items[0]!.id]!.files.map((f) => f.allowed)).toEqual([true, false, false])
    const raw = decodeURIComponent(fresh.setCookie!.split(';')[0]!.split('=').slice(1).join('='))
    const token = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as string
    expect(verifyOrderAccessToken(token)).toMatchObject({ ok: true, email: 'fresh@example.test' })
    const old = await successPageDownloads(new Request('http://store.test/checkout/success'), { id: order.id, email: 'fresh@example.test', paidAt: new Date(Date.now() - 2 * 3600_000) })
    expect(old).toEqual({ lines: {}, setCookie: null })
  })
})

describe('/dev/mailbox', () => {
  it('exists without SMTP_URL and is a 404 once SMTP is configured', async () => {
    const call = () => callRoute(mailboxLoader, new Request('http://store.test/dev/mailbox'), {}, '127.0.0.1')
    expect((await call()).status).toBe(200)
    process.env.SMTP_URL = 'smtp://127.0.0.1:2525'
    reloadEnv()
    try {
      expect((await call()).status).toBe(404)
    } finally {
      delete process.env.SMTP_URL
      reloadEnv()
    }
  })
})

import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { stripeEventEnvelope } from '~/lib/payments/stripe-event.server'
import { createFakeConnect, type FakeConnect } from './stripe-connect'

// A small Stripe-compatible HTTP server for tests: the real `stripe` SDK talks to it through
// STRIPE_API_URL. It checks the form parameters of the endpoints the store uses, keeps sessions,
// honours idempotency keys, and lets a test complete a session.

type Params = { [key: string]: string | Params | Params[] | string[] }

interface FakeSession {
  id: string
  object: 'checkout.session'
  mode: string
  status: 'open' | 'complete' | 'expired'
  payment_status: 'unpaid' | 'paid'
  amount_total: number
  amount_subtotal: number
  currency: string
  client_reference_id: string | null
  customer_email: string | null
  customer_details: { email: string; name: string } | null
  payment_intent: string | null
  metadata: Record<string, string>
  created: number
  expires_at: number
  success_url: string
  cancel_url: string
  url: string
  livemode: false
  line_items: { object: 'list'; data: unknown[] }
}

export interface FakeStripe {
  url: string
  sessions: Map<string, FakeSession>
  /** Every create request's params, in order. */
  createRequests: Params[]
  idempotencyKeys: string[]
  /** Sessions expired through the API (`checkout.sessions.expire`), in order. */
  expireRequests: string[]
  /** Every refund created (`refunds.create`), in order; a repeated idempotency key adds none. */
  refunds: Params[]
  complete: (sessionId: string, buyer?: { email?: string; name?: string; amountTotal?: number }) => FakeSession
  /** Makes the next N requests answer 500 (to exercise retries/failure paths). */
  failNext: (n: number) => void
  /** Connect: accounts, account links, transfers, reversals (./stripe-connect.ts). */
  connect: FakeConnect
  close: () => Promise<void>
}

/** Decodes Stripe's form encoding (`a[b][0][c]=v`) into nested objects and arrays. */
function parseForm(body: string): Params {
  const root: Params = {}
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, '').split('[')
    let node: Record<string, unknown> = root
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value
      else node = (node[part] ??= {}) as Record<string, unknown>
    })
  }
  return arrayify(root) as Params
}

function arrayify(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, arrayify(v)] as const)
  if (entries.length && entries.every(([k]) => /^\d+$/.test(k)))
    return entries.sort((a, b) => Number(a[0]) - Number(b[0])).map(([, v]) => v)
  return Object.fromEntries(entries)
}

/** Stripe's largest amount for one payment in USD: $999,999.99. */
const STRIPE_MAX_AMOUNT = 99_999_999

class BadRequest extends Error {
  constructor(public param: string, message: string) {
    super(message)
  }
}

function str(p: Params, key: string): string {
  const v = p[key]
  if (typeof v !== 'string' || !v) throw new BadRequest(key, `Missing required param: ${key}.`)
  return v
}

function validateCreate(p: Params): FakeSession {
  if ('payment_method_types' in p)
    throw new BadRequest('payment_method_types', 'Received unknown parameter: payment_method_types')
  if (str(p, 'mode') !== 'payment') throw new BadRequest('mode', 'Only payment mode is used by this store.')
  const items = p.line_items
  if (!Array.isArray(items) || items.length === 0) throw new BadRequest('line_items', 'Missing required param: line_items.')
  if (items.length > 100) throw new BadRequest('line_items', 'You may only specify up to 100 line items.')
  let total = 0
  let currency = ''
  const lineItems = (items as Params[]).map((item, i) => {
    const pd = item.price_data as Params | undefined
    if (!pd) throw new BadRequest(`line_items[${i}][price_data]`, 'Missing price_data.')
    const amount = Number(str(pd, 'unit_amount'))
    if (!Number.isInteger(amount) || amount < 0) throw new BadRequest(`line_items[${i}][price_data][unit_amount]`, 'Invalid integer.')
    currency = str(pd, 'currency')
    const product = pd.product_data as Params | undefined
    if (!product) throw new BadRequest(`line_items[${i}][price_data][product_data]`, 'Missing product_data.')
    const name = str(product, 'name')
    const quantity = Number(item.quantity ?? '1')
    total += amount * quantity
    return { id: `li_${randomBytes(6).toString('hex')}`, object: 'item', amount_total: amount * quantity, currency, description: name, quantity, metadata: product.metadata ?? {} }
  })
  const success = str(p, 'success_url')
  if (!success.includes('{CHECKOUT_SESSION_ID}')) throw new BadRequest('success_url', 'success_url should carry {CHECKOUT_SESSION_ID}.')
  const cancel = str(p, 'cancel_url')
  // Stripe's rule, judged when the request arrives: at least 30 minutes and at most 24 hours
  // after that moment. So "now + 30 min" computed by the store before the trip is already too soon.
  const receivedAt = Date.now()
  const now = Math.floor(receivedAt / 1000)
  const expiresAt = Number(str(p, 'expires_at'))
  if (!Number.isInteger(expiresAt) || expiresAt * 1000 < receivedAt + 30 * 60_000 || expiresAt * 1000 > receivedAt + 24 * 3600_000)
    throw new BadRequest('expires_at', 'The `expires_at` timestamp must be at least 30 minutes and at most 24 hours after Checkout Session creation.')
  if (total > STRIPE_MAX_AMOUNT)
    throw new BadRequest('amount_total', 'The Checkout Session\'s total amount due must be no more than $999,999.99.')
  const metadata = (p.metadata ?? {}) as Record<string, string>
  if (!metadata.order_id) throw new BadRequest('metadata[order_id]', 'The store always sends metadata[order_id].')
  const pid = p.payment_intent_data as Params | undefined
  if (!(pid?.metadata as Params | undefined)?.order_id) throw new BadRequest('payment_intent_data[metadata][order_id]', 'Missing.')
  const id = `cs_test_${randomBytes(12).toString('hex')}`
  return {
    id,
    object: 'checkout.session',
    mode: 'payment',
    status: 'open',
    payment_status: 'unpaid',
    amount_total: total,
    amount_subtotal: total,
    currency,
    client_reference_id: typeof p.client_reference_id === 'string' ? p.client_reference_id : null,
    customer_email: typeof p.customer_email === 'string' ? p.customer_email : null,
    customer_details: null,
    payment_intent: null,
    metadata,
    created: now,
    expires_at: expiresAt,
    success_url: success,
    cancel_url: cancel,
    url: `https://checkout.stripe.test/c/pay/${id}`,
    livemode: false,
    line_items: { object: 'list', data: lineItems },
  }
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const sessions = new Map<string, FakeSession>()
  const idempotent = new Map<string, string>()
  const createRequests: Params[] = []
  const idempotencyKeys: string[] = []
  const expireRequests: string[] = []
  const refunds: Params[] = []
  let failures = 0
  const connect = createFakeConnect()

  const publicSession = (s: FakeSession, expand: boolean) => {
    return expand ? s : { ...s, line_items: undefined }
  }

  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${randomBytes(6).toString('hex')}` })
        res.end(JSON.stringify(json))
      }
      const error = (status: number, message: string, param?: string) =>
        send(status, { error: { type: 'invalid_request_error', message, param } })
      if (!/^Bearer sk_/.test(req.headers.authorization ?? '')) return error(401, 'Invalid API Key provided.')
      if (failures > 0) {
        failures--
        return send(500, { error: { type: 'api_error', message: 'Injected failure.' } })
      }
      const url = new URL(req.url ?? '/', 'http://fake')
      const expand = url.searchParams.getAll('expand[]').includes('line_items') || body.includes('line_items')
      try {
        const connected = connect.handle(req.method ?? 'GET', url.pathname, parseForm(body), String(req.headers['idempotency-key'] ?? ''))
        if (connected === 'stall') return
        if (connected) return send(connected.status, connected.json)
        if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
          const key = String(req.headers['idempotency-key'] ?? '')
          idempotencyKeys.push(key)
          const existing = key ? idempotent.get(key) : undefined
          if (existing) return send(200, publicSession(sessions.get(existing)!, false))
          const params = parseForm(body)
          createRequests.push(params)
          const session = validateCreate(params)
          sessions.set(session.id, session)
          if (key) idempotent.set(key, session.id)
          return send(200, publicSession(session, false))
        }
        const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(url.pathname)
        if (req.method === 'POST' && expire) {
          const s = sessions.get(decodeURIComponent(expire[1]!))
          if (!s) return error(404, `No such checkout.session: '${expire[1]}'`, 'session')
          expireRequests.push(s.id)
          // As Stripe: only an open session can be expired.
          if (s.status !== 'open') return error(400, `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${s.status}".`)
          s.status = 'expired'
          return send(200, publicSession(s, false))
        }
        if (req.method === 'POST' && url.pathname === '/v1/refunds') {
          const key = String(req.headers['idempotency-key'] ?? '')
          const existing = key ? idempotent.get(key) : undefined
          const params = parseForm(body)
          if (!existing) {
            if (typeof params.payment_intent !== 'string') throw new BadRequest('payment_intent', 'Missing required param: payment_intent.')
            refunds.push(params)
            if (key) idempotent.set(key, `re_${refunds.length}`)
          }
          const id = existing ?? `re_${refunds.length}`
          return send(200, { id, object: 'refund', status: 'succeeded', amount: Number(params.amount), payment_intent: params.payment_intent, metadata: params.metadata ?? {} })
        }
        const one = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname)
        if (req.method === 'GET' && one) {
          const s = sessions.get(decodeURIComponent(one[1]!))
          return s ? send(200, publicSession(s, expand)) : error(404, `No such checkout.session: '${one[1]}'`, 'session')
        }
        if (req.method === 'GET' && url.pathname === '/v1/checkout/sessions') {
          const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 10))
          const gte = Number(url.searchParams.get('created[gte]') ?? 0)
          const after = url.searchParams.get('starting_after')
          let all = [...sessions.values()].filter((s) => s.created >= gte).reverse()
          if (after) all = all.slice(all.findIndex((s) => s.id === after) + 1)
          return send(200, {
            object: 'list',
            url: '/v1/checkout/sessions',
            has_more: all.length > limit,
            data: all.slice(0, limit).map((s) => publicSession(s, false)),
          })
        }
        return error(404, `Unrecognized request URL (${req.method}: ${url.pathname}).`)
      } catch (e) {
        if (e instanceof BadRequest) return error(400, e.message, e.param)
        return error(500, String(e))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    sessions,
    createRequests,
    idempotencyKeys,
    expireRequests,
    refunds,
    complete(sessionId, buyer = {}) {
      const s = sessions.get(sessionId)
      if (!s) throw new Error(`no session ${sessionId}`)
      s.status = 'complete'
      s.payment_status = 'paid'
      s.payment_intent ??= `pi_${randomBytes(12).toString('hex')}`
      s.customer_details = { email: buyer.email ?? s.customer_email ?? 'buyer@example.test', name: buyer.name ?? 'Test Buyer' }
      if (buyer.amountTotal !== undefined) s.amount_total = buyer.amountTotal
      return s
    },
    failNext(n) {
      failures = n
    },
    connect,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

// ---- Event helpers for webhook tests -------------------------------------------------------------

let eventCounter = 0

/** A Stripe event envelope around an object (shaped like Stripe's snapshot events). */
export function stripeEvent(type: string, object: Record<string, unknown>, overrides: { id?: string; created?: number } = {}) {
  const id = overrides.id ?? `evt_test_${Date.now().toString(36)}_${++eventCounter}_${randomBytes(4).toString('hex')}`
  return stripeEventEnvelope(id, type, object, overrides.created)
}

/** A paid checkout session object for an order (what checkout.session.completed carries). */
export function paidSession(order: { id: string; totalCents: number; currency?: string; sessionId?: string | null }, extra: Record<string, unknown> = {}) {
  return {
    id: order.sessionId ?? `cs_test_${order.id.replace(/-/g, '')}`,
    object: 'checkout.session',
    mode: 'payment',
    status: 'complete',
    payment_status: 'paid',
    amount_total: order.totalCents,
    currency: order.currency ?? 'usd',
    client_reference_id: order.id,
    customer_details: { email: 'Buyer@Example.test', name: 'Ada Buyer' },
    payment_intent: `pi_${order.id.replace(/-/g, '').slice(0, 24)}`,
    metadata: { order_id: order.id },
    ...extra,
  }
}

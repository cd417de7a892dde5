import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { startCheckout } from '~/lib/orders/checkout.server'
import { action as testCheckoutAction } from '~/routes/test-checkout.$sessionId'
import { makeBeat } from '../factories'
import { callRoute } from '../utils/route'
import { startServer, type StartedServer } from '../utils/start-server'

// The test checkout's "Pay" used to POST the signed webhook to the origin of the request, that is
// to whatever the client put in `Host`. A forged Host must lead to no outgoing request: the event
// goes to the store's webhook handler in-process. A listening "victim" counts what reaches it.
// The second half runs the production build (`npm test` builds first).

let victim: http.Server
let victimPort: number
const received: { method?: string; url?: string; signature?: string }[] = []
let server: StartedServer

beforeAll(async () => {
  victim = http.createServer((req, res) => {
    received.push({ method: req.method, url: req.url, signature: req.headers['stripe-signature'] as string | undefined })
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"received":true}')
  })
  await new Promise<void>((resolve) => victim.listen(0, '127.0.0.1', resolve))
  victimPort = (victim.address() as AddressInfo).port
  server = await startServer({ databaseUrl: process.env.DATABASE_URL!, dataPrefix: 'beatstall-ssrf-' })
}, 120_000)

afterAll(async () => {
  await server?.stop()
  await new Promise<void>((resolve) => victim.close(() => resolve()))
})

const payForm = () => new URLSearchParams({ intent: 'pay', email: 'buyer@example.test', name: 'Ada Buyer' })

async function openCheckout() {
  const beat = await makeBeat({ withFiles: false })
  return startCheckout([{ beatId: beat.id, tier: 'BASIC' }])
}

async function orderState(orderId: string) {
  const order = await prisma.multiItemOrder.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, stripeCheckoutSessionId: true } })
  const events = await prisma.stripeEvent.count({ where: { type: 'checkout.session.completed' } })
  return { status: order.status, events }
}

describe('the test checkout under a forged Host', () => {
  it('the action pays through the webhook handler and sends nothing to the host the request names', async () => {
    const { sessionId, orderId } = await openCheckout()
    const before = (await orderState(orderId)).events
    const forged = new Request(`http://127.0.0.1:${victimPort}/test-checkout/${sessionId}`, {
      method: 'POST',
      headers: { Host: `127.0.0.1:${victimPort}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: payForm(),
    })
    const answer = await callRoute(testCheckoutAction, forged, { sessionId })
    expect(answer.status).toBe(302)
    expect(answer.location).toBe(`/checkout/success?session_id=${sessionId}`)
    expect(received).toEqual([])
    // Paid by the signed event itself (recorded), not by the success page's fallback.
    expect(await orderState(orderId)).toMatchObject({ status: 'PAID', events: before + 1 })
  })

  it('the running server, sent `Host: 127.0.0.1:<victim port>`, makes no request to it', async () => {
    const { sessionId, orderId } = await openCheckout()
    const body = payForm().toString()
    const forgedOrigin = `127.0.0.1:${victimPort}`
    const res = await new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `/test-checkout/${sessionId}`,
          headers: {
            Host: forgedOrigin,
            Origin: `http://${forgedOrigin}`,
            'Content-Type': 'application/x-www-form-urlencoded',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (r) => {
          r.resume()
          r.on('end', () => resolve({ status: r.statusCode!, location: r.headers.location }))
        },
      )
      req.on('error', reject)
      req.end(body)
    })
    expect(res.status).toBe(302)
    expect(res.location).toContain(`/checkout/success?session_id=${sessionId}`)
    expect(received).toEqual([])
    expect((await orderState(orderId)).status).toBe('PAID')
  })
})

import { randomBytes } from 'node:crypto'
import type { LicenseTier, OrderStatus } from '~/generated/prisma/enums'
import { hashPassword } from '~/lib/auth/password.server'
import { createProducerSession } from '~/lib/auth/session.server'
import { prisma } from '~/models/db.server'
import { snapshotTerms, LICENSE_TIERS } from '~/lib/tiers'
import { makeProducer } from './factories'

export { makeMp3, makePng, makeWav, makeZip } from './studio-media'

// Studio test helpers: signed-in producers, requests as a browser would send them, orders made
// directly with prisma, and a runner that turns thrown responses into plain results.

export const ORIGIN = 'http://store.test'
const uid = () => randomBytes(4).toString('hex')

export async function sessionCookie(producerId: string, sessionVersion = 0) {
  const res = await createProducerSession(new Request('http://store.test/studio/login'), { id: producerId, sessionVersion }, '/studio')
  return res.headers.get('Set-Cookie')!.split(';')[0]!
}

export async function makeSignedInProducer(password = 'correct horse battery') {
  const producer = await makeProducer({ passwordHash: await hashPassword(password) })
  return { ...producer, password, cookie: await sessionCookie(producer.id) }
}

export function getRequest(path: string, cookie?: string) {
  return new Request(`${ORIGIN}${path}`, { headers: cookie ? { Cookie: cookie } : {} })
}

export function formRequest(path: string, fields: Record<string, string | string[]>, opts: { cookie?: string; origin?: string | null } = {}) {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) body.append(k, item)
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }
  if (opts.cookie) headers.Cookie = opts.cookie
  if (opts.origin !== null) headers.Origin = opts.origin ?? ORIGIN
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers, body })
}

export async function makeOrderLine(opts: {
  beatId: string
  producerId: string
  tier?: LicenseTier
  priceCents?: number
  status?: OrderStatus
  email?: string
  buyerName?: string
  paidAt?: Date
  beatTitle?: string
}) {
  const tier = opts.tier ?? 'BASIC'
  const priceCents = opts.priceCents ?? LICENSE_TIERS[tier].defaultPriceCents
  const status = opts.status ?? 'PAID'
  const order = await prisma.multiItemOrder.create({
    data: {
      status,
      totalCents: priceCents,
      email: opts.email ?? `buyer-${uid()}@example.test`,
      buyerName: opts.buyerName ?? 'Test Buyer',
      paidAt: status === 'PENDING' ? null : (opts.paidAt ?? new Date()),
      items: {
        create: {
          position: 0,
          beatId: opts.beatId,
          producerId: opts.producerId,
          tier,
          priceCents,
          listPriceCents: priceCents,
          beatTitle: opts.beatTitle ?? 'A beat',
          producerName: 'Producer',
          termsSnapshot: JSON.parse(JSON.stringify(snapshotTerms(tier, LICENSE_TIERS[tier].defaultTerms))),
          status: status === 'REFUNDED' ? 'REFUNDED' : 'ACTIVE',
        },
      },
    },
    select: { id: true, number: true, items: { select: { id: true } } },
  })
  return { orderId: order.id, number: order.number, lineId: order.items[0]!.id }
}

/** A multipart body with one `file` field, as a browser's FormData upload sends it. */
export function multipartBody(file: Buffer, filename: string, contentType = 'application/octet-stream') {
  const boundary = `----beatstall${randomBytes(8).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return { body: Buffer.concat([head, file, tail]), contentType: `multipart/form-data; boundary=${boundary}` }
}

export function uploadRequest(path: string, file: Buffer, filename: string, opts: { cookie: string; origin?: string }) {
  const { body, contentType } = multipartBody(file, filename)
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { Cookie: opts.cookie, Origin: opts.origin ?? ORIGIN, 'Content-Type': contentType, 'Content-Length': String(body.length) },
    body,
  })
}

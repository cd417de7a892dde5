import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import { FORM_LIMIT_BYTES, STRIPE_EVENT_LIMIT_BYTES } from '~/lib/http/body-limits'
import { MAX_DESCRIPTION_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, MAX_TITLE_LENGTH } from '~/lib/studio/beat-fields'
import { action as checkoutAction } from '~/routes/checkout'
import { action as newBeatAction } from '~/routes/studio.beats.new'
import { action as webhookAction } from '~/routes/webhooks.stripe'
import { makeBeat } from '../factories'
import { formRequest, makeSignedInProducer } from '../factories-studio'
import { callRoute } from '../utils/route'

// Every body is capped at what its purpose needs, counted as it is read (these requests carry no
// Content-Length, like a chunked upload), so nothing past the cap is held or acted on. The
// server's early refusal by Content-Length and the peak memory of a 200 MB attempt are in
// body-limits-server.test.ts.

const ORIGIN = 'http://store.test'

/** A body that is produced piece by piece, never held whole by the test. */
function streamOf(totalBytes: number, head = '', fill = ' '): ReadableStream<Uint8Array> {
  const piece = new TextEncoder().encode(fill.repeat(64 * 1024))
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent === 0 && head) {
        controller.enqueue(new TextEncoder().encode(head))
        sent += head.length
        return
      }
      if (sent >= totalBytes) return controller.close()
      controller.enqueue(piece)
      sent += piece.length
    },
  })
}

function streamedPost(path: string, contentType: string, body: ReadableStream<Uint8Array>) {
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'Content-Type': contentType, Origin: ORIGIN }, body, duplex: 'half' } as RequestInit)
}

describe('form bodies', () => {
  it('a checkout with a 20 MB `lines` field is refused (413) and writes no order', async () => {
    const beat = await makeBeat({ withFiles: false })
    // Valid JSON: one real line, then 20 MB of spaces (JSON allows them), as the review sent it.
    const head = `lines=${encodeURIComponent(JSON.stringify([{ beatId: beat.id, tier: 'BASIC' }]))}`
    const res = await callRoute(checkoutAction, streamedPost('/checkout', 'application/x-www-form-urlencoded', streamOf(20 * 1024 * 1024, head, '+')))
    expect(res.status).toBe(413)
    expect(res.data).toBe('This request is larger than the 64 KB this address accepts.')
    expect(await prisma.multiItemOrder.count()).toBe(0)
  })

  it('the same checkout within the cap still opens a session', async () => {
    const beat = await makeBeat({ withFiles: false })
    const before = await prisma.multiItemOrder.count()
    const res = await callRoute(checkoutAction, formRequest('/checkout', { lines: JSON.stringify([{ beatId: beat.id, tier: 'BASIC' }]) }))
    expect(res.status).toBe(302)
    expect(await prisma.multiItemOrder.count()).toBe(before + 1)
  })

  it('the largest real forms fit: 100 cart lines, and a beat at every length limit in 3-byte characters', async () => {
    const lines = Array.from({ length: 100 }, () => ({ beatId: crypto.randomUUID(), tier: 'UNLIMITED' }))
    expect(new URLSearchParams({ lines: JSON.stringify(lines), email: 'a'.repeat(64) + '@example.test' }).toString().length).toBeLessThan(FORM_LIMIT_BYTES / 4)

    const producer = await makeSignedInProducer()
    const fields = {
      title: '音'.repeat(MAX_TITLE_LENGTH),
      bpm: '140',
      musicalKey: 'A minor',
      genre: 'Trap',
      mood: 'Dark',
      tags: Array.from({ length: MAX_TAGS }, (_, i) => String(i % 10).repeat(1) + '音'.repeat(MAX_TAG_LENGTH - 1)).join(','),
      description: '音'.repeat(MAX_DESCRIPTION_LENGTH),
    }
    expect(new URLSearchParams(fields).toString().length).toBeLessThan(FORM_LIMIT_BYTES / 2)
    const res = await callRoute(newBeatAction, formRequest('/studio/beats/new', fields, { cookie: producer.cookie }))
    expect(res.status, JSON.stringify(res.data)).toBe(302)
  })

  it('a form field with a NUL character is refused (PostgreSQL cannot store it)', async () => {
    const producer = await makeSignedInProducer()
    const res = await callRoute(
      newBeatAction,
      formRequest('/studio/beats/new', { title: 'a\0b', bpm: '90', musicalKey: 'A minor', genre: 'Trap', mood: 'Dark' }, { cookie: producer.cookie }),
    )
    expect(res.status).toBe(400)
    expect(await prisma.beat.count({ where: { producerId: producer.id } })).toBe(0)
  })
})

describe('Stripe events', () => {
  it('are capped at 512 KB, counted before the signature is checked', async () => {
    expect(STRIPE_EVENT_LIMIT_BYTES).toBe(512 * 1024)
    const res = await callRoute(webhookAction, streamedPost('/webhooks/stripe', 'application/json', streamOf(8 * 1024 * 1024, '{"id":"evt_1","pad":"', 'x')))
    expect(res.status).toBe(413)
    expect(res.data).toBe('This request is larger than the 512 KB this address accepts.')
  })
})

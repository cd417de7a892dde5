import { describe, expect, it } from 'vitest'
import { startCheckout } from '~/lib/orders/checkout.server'
import { deliverToOwnWebhook, findTestCheckoutOrder, payTestCheckout } from '~/lib/payments/test-checkout.server'
import { deliverDueMail } from '~/lib/mail/worker.server'
import { makeBeat } from '../factories'
import { withFakeSmtp } from '../fakes/smtp-server'

// The receipt carries each line's license PDF (the contract frozen at purchase), through the
// outbox and a real SMTP server.

const fake = withFakeSmtp()

describe('receipt attachments', () => {
  it('the receipt reaching SMTP has one license PDF per line', async () => {
    const beats = [await makeBeat({ withFiles: false, title: 'First Light' }), await makeBeat({ withFiles: false, title: 'Second Wind' })]
    const { sessionId } = await startCheckout([
      { beatId: beats[0]!.id, tier: 'BASIC' },
      { beatId: beats[1]!.id, tier: 'TRACKOUT' },
    ])
    await payTestCheckout((await findTestCheckoutOrder(sessionId))!, { email: 'pdf@example.test', name: 'Pat Doe' }, deliverToOwnWebhook)
    const before = fake.smtp.received.length
    for (let i = 0; i < 5; i++) if ((await deliverDueMail(fake.transport)).sent === 0) break
    const mail = fake.smtp.received.slice(before).find((m) => m.to.includes('pdf@example.test'))!
    expect(mail).toBeDefined()
    const raw = mail.raw.replace(/\r?\n[ \t]+/g, ' ') // unfold long MIME headers
    const parts = [...raw.matchAll(/Content-Type: application\/pdf;[\s\S]*?filename="([^"]+)"\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g)]
    expect(parts.map((p) => p[1])).toEqual(['01 First Light (Basic) license.pdf', '02 Second Wind (Trackout) license.pdf'])
    for (const part of parts) expect(Buffer.from(part[2]!.replace(/\s/g, ''), 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect(mail.raw).toMatch(/Content-Disposition: attachment/)
  })
})

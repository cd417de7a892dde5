import { describe, expect, it } from 'vitest'
import { EnvSchema } from '~/lib/env.server'

// License PDFs, their QR codes and receipts carry APP_URL links to buyers. A store that delivers
// real mail in production is on a server: with a local APP_URL it refuses to start, in one sentence.

describe('APP_URL for license links', () => {
  const server = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:587' }

  it('refuses a production store delivering mail with a local or missing APP_URL', () => {
    for (const APP_URL of [undefined, 'http://localhost:3000', 'http://127.0.0.1:8080', 'http://store.test']) {
      const parsed = EnvSchema.safeParse({ ...server, ...(APP_URL ? { APP_URL } : {}) })
      expect(parsed.success, String(APP_URL)).toBe(false)
      expect(parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
        "APP_URL: must be the store's public address (not localhost) when SMTP_URL delivers mail in production, or the license PDFs and emails sent to buyers would link to this machine",
      ])
    }
  })

  it('accepts a public APP_URL, a demo without SMTP, and tests with a local SMTP server', () => {
    expect(EnvSchema.safeParse({ ...server, APP_URL: 'https://beats.example' }).success).toBe(true)
    expect(EnvSchema.safeParse({ NODE_ENV: 'production' }).success).toBe(true)
    expect(EnvSchema.safeParse({ NODE_ENV: 'test', SMTP_URL: 'smtp://127.0.0.1:2525', APP_URL: 'http://store.test' }).success).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { EnvSchema, getEnv, setEnv } from './env.server'

describe('EnvSchema', () => {
  it('runs on defaults with every paid service replaced by its stand-in', () => {
    const env = EnvSchema.parse({})
    expect(env.PORT).toBe(3000)
    expect(env.APP_URL).toBe('http://localhost:3000')
    expect(env.DATA_DIR).toBe('./data')
    expect(env.testMode).toEqual({ payments: true, storage: true, mail: true })
    expect(env.STRIPE_WEBHOOK_SECRET).toMatch(/^whsec_/)
    expect(env.DOWNLOAD_LIMIT).toBe(10)
    expect(env.CHECKOUT_EXPIRES_MINUTES).toBe(60)
  })

  it('treats empty variables as unset', () => {
    const env = EnvSchema.parse({ STRIPE_SECRET_KEY: '', DATABASE_URL: '', PORT: '4000' })
    expect(env.STRIPE_SECRET_KEY).toBeUndefined()
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.APP_URL).toBe('http://localhost:4000')
  })

  it('turns stand-ins off when keys are configured', () => {
    const env = EnvSchema.parse({
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      CLOUDINARY_URL: 'cloudinary://key:secret@demo',
      SMTP_URL: 'smtp://user:pass@127.0.0.1:2525',
      APP_URL: 'https://beats.example.com/',
    })
    expect(env.testMode).toEqual({ payments: false, storage: false, mail: false })
    expect(env.APP_URL).toBe('https://beats.example.com')
  })

  it('splits SESSION_SECRET for rotation, newest first', () => {
    const env = EnvSchema.parse({ SESSION_SECRET: 'new-secret-0123456789, old-secret-0123456789' })
    expect(env.SESSION_SECRETS).toEqual(['new-secret-0123456789', 'old-secret-0123456789'])
  })

  it('rejects malformed values with the variable name', () => {
    const result = EnvSchema.safeParse({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CHECKOUT_EXPIRES_MINUTES: '10' })
    expect(result.success).toBe(false)
    const paths = result.error!.issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'CHECKOUT_EXPIRES_MINUTES']))
  })

  it('requires a webhook secret in production when Stripe is live', () => {
    const result = EnvSchema.safeParse({ NODE_ENV: 'production', STRIPE_SECRET_KEY: 'sk_live_x' })
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.path).toEqual(['STRIPE_WEBHOOK_SECRET'])
  })

  it('reads TRUST_PROXY as Express takes it: loopback by default, booleans, hop counts, addresses', () => {
    expect(EnvSchema.parse({}).TRUST_PROXY).toBe('loopback')
    expect(EnvSchema.parse({ TRUST_PROXY: '' }).TRUST_PROXY).toBe('loopback')
    expect(EnvSchema.parse({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true)
    expect(EnvSchema.parse({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false)
    expect(EnvSchema.parse({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2)
    expect(EnvSchema.parse({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8')
  })
})

describe('setEnv', () => {
  it('changes what getEnv() answers from then on', () => {
    const before = getEnv().DOWNLOAD_LIMIT
    try {
      setEnv({ DOWNLOAD_LIMIT: String(before + 1) })
      expect(getEnv().DOWNLOAD_LIMIT).toBe(before + 1)
    } finally {
      setEnv({ DOWNLOAD_LIMIT: String(before) })
    }
  })
})

import { z } from 'zod'
import { isLocalHostname } from './local-host'

// The one place that reads or writes process.env. Parsed lazily on first use (startup may set
// DATABASE_URL after starting the embedded Postgres), then frozen until setEnv() changes it.

const DEV_WEBHOOK_SECRET = 'whsec_beatstall_development_only_not_secret'
const DEV_SESSION_SECRET = 'beatstall-development-session-secret-not-for-production'

// An empty variable (FOO=) means "unset", as operators expect from .env files.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional())

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

// Express's `trust proxy`: true/false, a hop count, or addresses and names (loopback, 10.0.0.0/8, …).
const trustProxy = z
  .string()
  .min(1)
  .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v))

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    /** Which proxies may set X-Forwarded-For/-Proto; only loopback ones unless the operator says so. */
    TRUST_PROXY: optional(trustProxy).transform((v) => v ?? 'loopback'),
    APP_URL: optional(z.url()),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    SEED_DEMO: optional(booleanString),
    STRIPE_SECRET_KEY: optional(z.string().min(1)),
    STRIPE_WEBHOOK_SECRET: optional(z.string().min(1)),
    STRIPE_API_URL: optional(z.url()),
    /** Signing secret of the Connect webhook endpoint (account.updated of producers' accounts). */
    STRIPE_CONNECT_WEBHOOK_SECRET: optional(z.string().min(1)),
    CLOUDINARY_URL: optional(
      z.string().regex(/^cloudinary:\/\/[^:]+:[^@]+@.+/, 'must look like cloudinary://key:secret@cloud'),
    ),
    SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')),
    MAIL_FROM: z.string().min(3).default('Beatstall <store@beatstall.localhost>'),
    /** Comma-separated; the first signs new cookies, the rest still verify (rotation). */
    SESSION_SECRET: optional(z.string().min(16)),
    CURRENCY: z
      .string()
      .regex(/^[a-zA-Z]{3}$/)
      .transform((v) => v.toLowerCase())
      .default('usd'),
    DOWNLOAD_LIMIT: z.coerce.number().int().min(1).max(1000).default(10),
    CHECKOUT_EXPIRES_MINUTES: z.coerce.number().int().min(30).max(24 * 60).default(60),
    /** The store's cut of each paid line (docs/decisions/0016-payouts.md): percent, two decimals at most. */
    PLATFORM_FEE_PERCENT: z.coerce.number().min(0).max(100).default(10),
    /** Added to the platform fee per line, in cents. */
    PLATFORM_FEE_FIXED_CENTS: z.coerce.number().int().min(0).max(100_000).default(0),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['STRIPE_WEBHOOK_SECRET'],
        message: 'is required when STRIPE_SECRET_KEY is set in production',
      })
  })
  .superRefine((env, ctx) => {
    // Live payments are a store on a server: its links, redirects and cookies need its real address.
    if (env.STRIPE_SECRET_KEY?.startsWith('sk_live_') && !isServerUrl(env.APP_URL))
      ctx.addIssue({
        code: 'custom',
        path: ['APP_URL'],
        message: "must be the store's public address (not localhost) when STRIPE_SECRET_KEY is a live key",
      })
  })
  .superRefine((env, ctx) => {
    // Delivering real mail makes this a store on a server, whatever APP_URL says: its receipts,
    // license PDFs and QR codes must not send buyers to localhost.
    if (env.NODE_ENV === 'production' && env.SMTP_URL && !isServerUrl(env.APP_URL))
      ctx.addIssue({
        code: 'custom',
        path: ['APP_URL'],
        message:
          "must be the store's public address (not localhost) when SMTP_URL delivers mail in production, or the license PDFs and emails sent to buyers would link to this machine",
      })
  })
  .transform((env) => ({
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET ?? DEV_WEBHOOK_SECRET,
    SESSION_SECRETS: (env.SESSION_SECRET ?? DEV_SESSION_SECRET).split(',').map((s) => s.trim()),
    /** A store on a server (APP_URL names a public host), not a demo on this machine. */
    serverMode: isServerUrl(env.APP_URL),
    /** Which stand-ins are active; each says so on screen. */
    testMode: {
      payments: !env.STRIPE_SECRET_KEY,
      storage: !env.CLOUDINARY_URL,
      // The development mailbox shows mail to whoever asks: a demo's, never a server's.
      mail: !env.SMTP_URL && !isServerUrl(env.APP_URL),
    },
  }))

export type Env = z.infer<typeof EnvSchema>

function isServerUrl(appUrl: string | undefined): boolean {
  return appUrl !== undefined && !isLocalHostname(new URL(appUrl).hostname)
}

let cached: Env | undefined

export function getEnv(): Env {
  if (cached) return cached
  const parsed = EnvSchema.safeParse(process.env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`)
  }
  cached = parsed.data
  return cached
}

/**
 * Set variables for this process (and the workers and children it starts), then parse again:
 * startup learns DATABASE_URL from the embedded Postgres and SESSION_SECRET from DATA_DIR.
 */
export function setEnv(vars: Record<string, string>) {
  Object.assign(process.env, vars)
  cached = undefined
}

/**
 * Called by the start files before React is first imported: React picks its production or
 * development build from NODE_ENV when it loads. An operator's own NODE_ENV wins.
 */
export function defaultNodeEnv(mode: 'production' | 'development') {
  process.env.NODE_ENV ??= mode
}

/** Forget the parsed env, for tests that change process.env themselves. */
export function reloadEnv() {
  cached = undefined
}

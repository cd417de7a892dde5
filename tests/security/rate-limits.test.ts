import pg from 'pg'
import { createRequestHandler, type ServerBuild } from 'react-router'
import { afterAll, describe, expect, it } from 'vitest'
import { RateLimitedError } from '~/lib/errors'
import { createRateLimit } from '~/lib/security/rate-limit.server'
import { createRateLimitPool } from '~/lib/security/rate-limit-store.server'
import { createSignInLimits, SIGN_IN_LIMITS } from '~/lib/security/sign-in-limits.server'
import * as forgotRoute from '~/routes/studio.forgot-password'
import * as loginRoute from '~/routes/studio.login'
import * as ordersRoute from '~/routes/orders._index'
import { makeSignedInProducer, ORIGIN } from '../factories-studio'

// Rate limits live in PostgreSQL: two app instances (each with its own pool and limiter objects)
// spend from one budget, a restart keeps it, and a 429 reaches the client with Retry-After.

const pools: pg.Pool[] = []
/** An app instance's own connection pool, as a second process would have. */
function instancePool() {
  const pool = createRateLimitPool()
  pools.push(pool)
  return pool
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()))
})

async function spendUntilLimited(spend: () => Promise<unknown>, max: number): Promise<number> {
  for (let i = 0; i < max; i++) {
    try {
      await spend()
    } catch (error) {
      if (error instanceof RateLimitedError) return i
      throw error
    }
  }
  return max
}

describe('a budget shared through the database', () => {
  it('is shared by two instances and survives a restart', async () => {
    const budget = { name: 'test-shared', points: 6, durationSeconds: 600 }
    const a = createRateLimit({ ...budget, pool: instancePool() })
    const b = createRateLimit({ ...budget, pool: instancePool() })
    for (let i = 0; i < 2; i++) {
      await a.consume('key')
      await b.consume('key')
    }
    // A restart: new pool, new limiter objects, same database.
    const restarted = createRateLimit({ ...budget, pool: instancePool() })
    await restarted.consume('key')
    await a.consume('key')
    const limited = await restarted.consume('key').catch((e: unknown) => e)
    expect(limited).toBeInstanceOf(RateLimitedError)
    expect((limited as RateLimitedError).retryAfterSeconds).toBeGreaterThan(500)
    await expect(b.consume('other key')).resolves.toBeUndefined()
  })
})

describe('sign-in budgets', () => {
  const owner = { ip: '198.51.100.1', account: 'owner@example.test' }

  it("a stranger's wrong guesses do not lock the owner out until the per-account budget is spent", async () => {
    const instanceA = createSignInLimits({ pool: instancePool() })
    const instanceB = createSignInLimits({ pool: instancePool() })
    const attacker = { ip: '203.0.113.66', account: owner.account }
    // One attacker address, over two instances: stopped after its (IP, account) budget in total.
    const spent = await spendUntilLimited(() => instanceA.spend(attacker, 'limited').then(() => instanceB.spend(attacker, 'limited')), 10)
    expect(spent * 2).toBeLessThanOrEqual(SIGN_IN_LIMITS.perIpAndAccount.points)
    expect(spent * 2).toBeGreaterThanOrEqual(SIGN_IN_LIMITS.perIpAndAccount.points - 1)
    // The owner, on their own address, still gets in (and their success costs the account nothing).
    await instanceB.spend(owner, 'limited')
    await instanceB.succeeded(owner)
    // Many attacker addresses together spend the slower per-account budget; then the owner waits too.
    let used = SIGN_IN_LIMITS.perIpAndAccount.points
    for (let i = 0; used < SIGN_IN_LIMITS.perAccount.points; i++) {
      await instanceA.spend({ ip: `203.0.113.${i}`, account: owner.account }, 'limited')
      used++
    }
    await expect(instanceA.spend(owner, 'limited')).rejects.toBeInstanceOf(RateLimitedError)
  })

  it('limits one address across many accounts', async () => {
    const limits = createSignInLimits({ pool: instancePool() })
    const spent = await spendUntilLimited(
      (() => {
        let n = 0
        return () => limits.spend({ ip: '203.0.113.200', account: `guess${n++}@example.test` }, 'limited')
      })(),
      100,
    )
    expect(spent).toBe(SIGN_IN_LIMITS.perIp.points)
  })
})

// React Router's own server runtime, with the real route modules under a bare root: what decides
// which headers reach the client. The document is not rendered; the entry answers with the status
// and headers React Router hands it.
function handler(routeId: string, path: string, module: object): (request: Request) => Promise<Response> {
  const build = {
    entry: {
      module: {
        default: (_request: Request, status: number, headers: Headers) => new Response('document', { status, headers }),
      },
    },
    routes: {
      root: { id: 'root', path: '', module: {} },
      [routeId]: { id: routeId, parentId: 'root', path, module },
    },
    assets: { entry: { module: '/entry.js', imports: [] }, routes: {}, url: '/manifest.js', version: '1' },
    publicPath: '/',
    assetsBuildDirectory: '/tmp',
    future: {},
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: 'lazy', manifestPath: '/__manifest' },
  } as unknown as ServerBuild
  const handle = createRequestHandler(build, 'production')
  return (request) => handle(request, { ip: '198.51.100.77' } as never)
}

function post(path: string, fields: Record<string, string>) {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
    body: new URLSearchParams(fields),
  })
}

describe('every 429 carries Retry-After over HTTP', () => {
  async function lastAnswers(send: (path: string) => Promise<Response>, path: string, times: number) {
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < times; i++) {
      last = await send(path)
      statuses.push(last.status)
    }
    return { statuses, last: last! }
  }

  it('on sign-in (document and data requests)', async () => {
    const p = await makeSignedInProducer()
    const send = handler('routes/studio.login', 'studio/login', loginRoute)
    const wrong = (path: string) => send(post(path, { email: p.email, password: 'not the password' }))
    const { statuses, last } = await lastAnswers(wrong, '/studio/login', SIGN_IN_LIMITS.perIpAndAccount.points + 1)
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true)
    expect(last.status).toBe(429)
    expect(Number(last.headers.get('Retry-After'))).toBeGreaterThan(0)
    const data = await wrong('/studio/login.data')
    expect(data.status).toBe(429)
    expect(Number(data.headers.get('Retry-After'))).toBeGreaterThan(0)
  })

  it('on forgot-password', async () => {
    const send = handler('routes/studio.forgot-password', 'studio/forgot-password', forgotRoute)
    const ask = (path: string) => send(post(path, { email: 'someone@example.test' }))
    const { last } = await lastAnswers(ask, '/studio/forgot-password', 4)
    expect(last.status).toBe(429)
    expect(Number(last.headers.get('Retry-After'))).toBeGreaterThan(0)
  })

  it('on /orders', async () => {
    const send = handler('routes/orders._index', 'orders', ordersRoute)
    const ask = (path: string) => send(post(path, { email: 'buyer@example.test' }))
    const { last } = await lastAnswers(ask, '/orders', 4)
    expect(last.status).toBe(429)
    expect(Number(last.headers.get('Retry-After'))).toBeGreaterThan(0)
  })
})

// `npm run bench:webhook`: Stripe webhook fulfilment under load.
// Production build + its own embedded Postgres; N pending orders (with items) created by SQL; the
// server on 127.0.0.1 receives every order's signed checkout.session.completed twice (N×2
// deliveries, 32 in flight, duplicates interleaved). Reports deliveries/s and p50/p95/p99, checks
// exactly N orders PAID and none fulfilled twice, then measures the database's own rate for a
// comparable transaction (dedupe insert + conditional single-row update) through a pg Pool of the
// same size at the same concurrency, and prints the ratios: to the same route answering an ignored
// event type (the HTTP stack's own ceiling, goal ≥ 0.5) and to the database alone.
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import Stripe from 'stripe'
import { startEmbeddedPostgres } from '~/lib/db/embedded-postgres.server'
import { migrate } from '~/lib/db/migrate.server'
import { stripeEventEnvelope } from '~/lib/payments/stripe-event.server'
import { buildForBench } from './lib/build'
import { percentile } from './lib/load'
import { startServer } from './lib/server'
import { stopAll } from './lib/seeded-store'

const N = Number(process.env.BENCH_ORDERS ?? 2_000)
const CONCURRENCY = 32
// The server's DATABASE_POOL_SIZE (default 10); the baseline pool uses the same size.
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10)
const SECRET = 'whsec_bench_only'
const PRICE = 2_500

const log = (line: string) => console.log(`[bench] ${line}`)
const tmp = mkdtempSync(path.join(os.tmpdir(), 'beatstall-bench-webhook-'))
chmodSync(tmp, 0o755)

const build = () => buildForBench(tmp, log)

/** 2N pending orders with one item each: the first N for the webhook, the rest for the baseline. */
async function fill(db: pg.Client) {
  await db.query(`INSERT INTO "Producer" (email, "displayName", slug, bio) VALUES ('bench@example.test', 'Bench Producer', 'bench', '')`)
  await db.query(`
    INSERT INTO "Beat" ("producerId", title, slug, bpm, "musicalKey", genre, mood, tags, description, status, "publishedAt")
    SELECT id, 'Bench Beat', 'bench-beat', 90, 'A minor', 'Trap', 'Dark', '{}', '', 'PUBLISHED', now() FROM "Producer"`)
  await db.query(`
    INSERT INTO "MultiItemOrder" (id, status, currency, "totalCents", email, "stripeCheckoutSessionId", "checkoutExpiresAt")
    SELECT gen_random_uuid(), 'PENDING', 'usd', ${PRICE}, 'buyer' || i || '@example.test', 'cs_bench_' || i, now() + interval '1 hour'
    FROM generate_series(1, ${2 * N}) i`)
  await db.query(`
    INSERT INTO "OrderItem" ("orderId", position, "beatId", "producerId", tier, "priceCents", "beatTitle", "producerName", "termsSnapshot")
    SELECT o.id, 0, b.id, b."producerId", 'BASIC', ${PRICE}, 'Bench Beat', 'Bench Producer',
      '{"tier":"BASIC","label":"Basic","files":["MP3"],"terms":{"distributionCopies":2500,"streams":100000,"musicVideos":1,"radioBroadcasting":false}}'::jsonb
    FROM "MultiItemOrder" o, "Beat" b`)
  const { rows } = await db.query<{ id: string; number: number }>(`SELECT id, number FROM "MultiItemOrder" ORDER BY number`)
  return { webhook: rows.slice(0, N), baseline: rows.slice(N) }
}

function eventFor(order: { id: string; number: number }, type = 'checkout.session.completed') {
  return JSON.stringify(
    stripeEventEnvelope(`evt_bench_${type === 'checkout.session.completed' ? '' : 'x'}${order.number}`, type, {
        id: `cs_bench_${order.number}`,
        object: 'checkout.session',
        mode: 'payment',
        status: 'complete',
        payment_status: 'paid',
        amount_total: PRICE,
        currency: 'usd',
        client_reference_id: order.id,
        customer_details: { email: `buyer${order.number}@example.test`, name: 'Bench Buyer' },
        payment_intent: `pi_bench_${order.number}`,
        metadata: { order_id: order.id },
    }),
  )
}

/** Each index twice; the repeat follows 16 positions later, so duplicates overlap in flight. */
function interleavedTwice<T>(items: T[]): T[] {
  const out: T[] = []
  items.forEach((item, i) => {
    out.push(item)
    if (i >= 16) out.push(items[i - 16]!)
  })
  out.push(...items.slice(Math.max(0, items.length - 16)))
  return out
}

async function runPool<T>(work: T[], concurrency: number, task: (item: T) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < work.length) await task(work[next++]!)
    }),
  )
}

const stops: (() => Promise<void>)[] = []
try {
  const buildDir = build()
  const pgServer = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), log })
  stops.push(() => pgServer.stop())
  await migrate(pgServer.url)
  const admin = new pg.Client({ connectionString: pgServer.url })
  // Connections dropped while Postgres stops at the end are expected, not a crash.
  admin.on('error', () => {})
  await admin.connect()
  stops.unshift(() => admin.end())
  const orders = await fill(admin)
  log(`${N} pending orders for the webhook (+${N} for the database baseline)`)

  mkdirSync(path.join(tmp, 'data'), { recursive: true })
  const server = await startServer({
    DATABASE_URL: pgServer.url,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    BUILD_DIR: buildDir,
    DATA_DIR: path.join(tmp, 'data'),
    STRIPE_WEBHOOK_SECRET: SECRET,
  })
  let serverStopped = false
  stops.unshift(async () => {
    if (!serverStopped) await server.stop()
  })

  async function deliverAll(payloads: string[]) {
    const times: number[] = []
    const outcomes = new Map<string, number>()
    let bad = 0
    const t0 = performance.now()
    await runPool(payloads, CONCURRENCY, async (payload) => {
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET })
      const start = performance.now()
      const res = await fetch(`${server.url}/webhooks/stripe`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
        body: payload,
      })
      const body = (await res.json().catch(() => ({}))) as { outcome?: string }
      times.push(performance.now() - start)
      if (res.status !== 200) bad++
      const key = body.outcome ?? `http ${res.status}`
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
    })
    times.sort((a, b) => a - b)
    return { times, outcomes, bad, seconds: (performance.now() - t0) / 1000 }
  }

  // Warm-up (JIT, pools), then the measured run.
  await deliverAll(orders.webhook.slice(0, 100).map((o) => eventFor(o, 'customer.updated')))
  // The same route and load with an event type it ignores (signature check, no database): the
  // ceiling the HTTP stack itself puts on any webhook on this machine right now. Measured first,
  // while the mail worker is idle (afterwards it is busy sending the 2,000 receipts).
  const floor = await deliverAll(interleavedTwice(orders.webhook.map((o) => eventFor(o, 'customer.created'))))
  const deliveries = interleavedTwice(orders.webhook.map((o) => eventFor(o)))
  // Statements and transactions the database ran during the measured run (the outbox worker's too).
  const dbActivity = async () =>
    (await admin.query<{ xacts: string }>(`SELECT xact_commit + xact_rollback AS xacts FROM pg_stat_database WHERE datname = current_database()`)).rows[0]!.xacts
  const xactsBefore = Number(await dbActivity())
  const { times, outcomes, bad, seconds } = await deliverAll(deliveries)
  const xactsDuring = Number(await dbActivity()) - xactsBefore
  const floorRate = floor.times.length / floor.seconds
  const webhookRate = deliveries.length / seconds
  await server.stop()
  serverStopped = true

  const counts = (
    await admin.query<{ paid: string; events: string; receipts: string; paid_at: string }>(`
      SELECT (SELECT count(*) FROM "MultiItemOrder" WHERE status = 'PAID') paid,
             (SELECT count(*) FROM "StripeEvent") events,
             (SELECT count(*) FROM "OutboxEmail") receipts,
             (SELECT count(DISTINCT id) FROM "MultiItemOrder" WHERE "paidAt" IS NOT NULL) paid_at`)
  ).rows[0]!

  // The database's own rate for the same transaction shape, same pool size and concurrency.
  const pool = new pg.Pool({ connectionString: pgServer.url, max: POOL_SIZE })
  pool.on('error', () => {})
  stops.unshift(() => pool.end())
  const baseWork = interleavedTwice(orders.baseline)
  const t1 = performance.now()
  await runPool(baseWork, CONCURRENCY, async (order) => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const ins = await client.query(`INSERT INTO "StripeEvent" (id, type) VALUES ($1, 'checkout.session.completed') ON CONFLICT (id) DO NOTHING`, [
        `evt_base_${order.number}`,
      ])
      if (ins.rowCount === 1)
        await client.query(
          `UPDATE "MultiItemOrder" SET status = 'PAID', "paidAt" = now(), "stripePaymentIntentId" = $2, "updatedAt" = now() WHERE id = $1 AND status = 'PENDING'`,
          [order.id, `pi_base_${order.number}`],
        )
      await client.query('COMMIT')
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {})
      throw e
    } finally {
      client.release()
    }
  })
  const dbRate = baseWork.length / ((performance.now() - t1) / 1000)

  const f = (n: number) => n.toFixed(1)
  console.log('')
  console.log(`Webhook: ${deliveries.length} deliveries (${N} orders × 2, ${CONCURRENCY} concurrent, duplicates interleaved)`)
  console.log(`  ${f(webhookRate)} deliveries/s   p50 ${f(percentile(times, 50))} ms   p95 ${f(percentile(times, 95))} ms   p99 ${f(percentile(times, 99))} ms   non-200: ${bad}`)
  console.log(`  outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`)
  console.log(`  database transactions during the run: ${xactsDuring} (${(xactsDuring / deliveries.length).toFixed(2)} per delivery, outbox worker included)`)
  console.log(`  orders PAID: ${counts.paid} / ${N}   StripeEvent rows: ${counts.events}   outbox emails: ${counts.receipts}`)
  console.log(`Same route, ignored event type (no database): ${f(floorRate)} deliveries/s   p50 ${f(percentile(floor.times, 50))} ms`)
  console.log(`Database alone (same tx shape, pg Pool max ${POOL_SIZE}, ${CONCURRENCY} concurrent): ${f(dbRate)} tx/s`)
  console.log(`Ratio webhook / database: ${(webhookRate / dbRate).toFixed(2)} (goal ≥ 0.30)   ignored-event ceiling / database: ${(floorRate / dbRate).toFixed(2)}`)
  console.log(`Ratio webhook / ignored-event ceiling: ${(webhookRate / floorRate).toFixed(2)} (goal ≥ 0.50)`)

  const paidOnce = outcomes.get('paid') === N
  const ok = Number(counts.paid) === N && Number(counts.events) === N && paidOnce && bad === 0
  if (!ok) {
    console.log('FAILED: expected exactly N orders PAID, N events recorded, N "paid" outcomes and no errors')
    process.exitCode = 1
  } else console.log(`OK: exactly ${N} orders PAID, each fulfilled once (${outcomes.get('duplicate') ?? 0} duplicate deliveries were no-ops)`)
} catch (error) {
  console.error('[bench] failed:', error)
  process.exitCode = 1
} finally {
  await stopAll(stops, tmp)
}

// `npm run bench:catalog`: the storefront under load at 100,000 beats.
// Builds for production, fills an embedded Postgres with 100k beats by SQL, starts the server on
// 127.0.0.1 and reports latency/throughput of a searched+filtered catalog page against /licensing
// (same build, no database), the same catalog page revalidated (If-None-Match → 304, as a CDN or a
// browser asks once its copy is stale), the search SQL's own time, the catalog page's gzipped
// JavaScript and the server's peak memory. Each load runs BENCH_RUNS times (default 3), interleaved;
// medians are reported. Loopback only; everything it starts is stopped at the end.
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import pg from 'pg'
import { startEmbeddedPostgres } from '~/lib/db/embedded-postgres.server'
import { migrate } from '~/lib/db/migrate.server'
import { load, median, peakMemoryMb, percentile, printLoad, type LoadResult } from './lib/load'
import { startServer } from './lib/server'
import { buildForBench } from './lib/build'
import { timeSimilarSql } from './lib/similar-sql'
import { stopAll } from './lib/seeded-store'

const BEATS = Number(process.env.BENCH_BEATS ?? 100_000)
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const QUERY_RUNS = 300
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
// A text search plus two filters: how a shopper narrows the catalog.
const SEARCH = { q: 'night', genre: 'Trap', mood: 'Dark' } as const

const log = (line: string) => console.log(`[bench] ${line}`)
const tmp = mkdtempSync(path.join(os.tmpdir(), 'beatstall-bench-catalog-'))
chmodSync(tmp, 0o755)

const build = () => buildForBench(tmp, log)

async function connectAndFill(url: string) {
  const db = new pg.Client({ connectionString: url })
  await db.connect()
  const existing = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM "Beat"')
  if (existing.rows[0]!.n >= BEATS) {
    await db.query('ANALYZE')
    log(`reusing ${existing.rows[0]!.n} beats`)
    return db
  }
  const t0 = Date.now()
  await db.query(`SELECT setseed(0.42)`)
  await db.query(`
    INSERT INTO "Producer" (email, "displayName", slug, bio)
    SELECT 'bench-' || i || '@example.test', name, lower(replace(name, ' ', '-')), 'Benchmark producer'
    FROM unnest(ARRAY['Nova Sound','Kilo Beats','Marlowe','Ivy Keys','Dusk Theory','Atlas Cuts','Oro','Lucid Tapes']) WITH ORDINALITY AS n(name, i)`)
  await db.query(`
    INSERT INTO "ProducerLicenseTerms" ("producerId", tier, "distributionCopies", streams, "musicVideos", "radioBroadcasting")
    SELECT p.id, t.tier::"LicenseTier", t.copies, t.streams, t.videos, t.radio FROM "Producer" p,
      (VALUES ('BASIC', 2500, 100000, 1, false), ('TRACKOUT', 10000, 500000, 2, true), ('UNLIMITED', NULL, NULL, NULL, true))
      AS t(tier, copies, streams, videos, radio)`)
  // Titles from word lists, a genre/mood/key/BPM spread like a real store, 5% drafts.
  await db.query(
    `WITH p AS (SELECT array_agg(id ORDER BY slug) ids, array_agg("displayName" ORDER BY slug) names FROM "Producer"),
     w AS (SELECT
       ARRAY['Midnight','Velvet','Neon','Golden','Cold','Lost','Faded','Silver','Broken','Electric','Hollow','Crimson','Lucid','Quiet','Wild','Frozen','Burning','Empty','Heavy','Sweet','Paper','Glass','Ghost','Summer','Violet','Static','Rapid','Lunar','Solar','Dizzy'] adj,
       ARRAY['Drive','Rain','Dreams','Hours','City','Waves','Echo','Smoke','Heart','Streets','Signal','Garden','Mirror','Night','Pulse','Motion','Season','Fire','River','Skyline','Memory','Voltage','Shadows','Paradise','Crown','Orbit','Tides','Letters','Mansion','Ritual'] noun,
       ARRAY['Trap','Drill','Boom Bap','Lo-Fi','R&B','Afrobeats','Pop','Dancehall','Reggaeton','Hip Hop'] genres,
       ARRAY['Dark','Chill','Energetic','Romantic','Sad','Happy','Aggressive','Dreamy'] moods,
       ARRAY['C major','C minor','C# minor','D major','D minor','Eb major','E minor','F major','F minor','F# minor','G major','G minor','Ab major','A minor','Bb major','Bb minor','B minor'] keys,
       ARRAY['808','dark','melodic','guitar','piano','bouncy','hard','sample','vocal','ambient','night','club','soul','orchestral','flute','bells','synth','drums','sliding','cinematic'] tags)
     INSERT INTO "Beat" ("producerId", title, slug, bpm, "musicalKey", genre, mood, tags, description, status, "searchText", "minPriceCents", "publishedAt", "createdAt")
     SELECT p.ids[pi], t.title, 'bench-' || i, 60 + floor(random() * 110)::int, w.keys[1 + floor(random() * 17)::int],
       w.genres[1 + floor(random() * 10)::int], w.moods[1 + floor(random() * 8)::int], tg.tags, 'A benchmark beat.',
       (CASE WHEN random() < 0.05 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"BeatStatus",
       lower(t.title || ' ' || array_to_string(tg.tags, ' ') || ' ' || p.names[pi]),
       price, now() - make_interval(mins => i), now() - make_interval(mins => i)
     -- WHERE i > 0 in each LATERAL makes it correlated, so random() is drawn per row.
     FROM generate_series(1, $1::int) i, p, w,
       LATERAL (SELECT 1 + floor(random() * array_length(p.ids, 1))::int AS pi, (1500 + floor(random() * 8) * 500)::int AS price WHERE i > 0) r,
       LATERAL (SELECT w.adj[1 + floor(random() * 30)::int] || ' ' || w.noun[1 + floor(random() * 30)::int] AS title WHERE i > 0) t,
       LATERAL (SELECT ARRAY[w.tags[1 + floor(random() * 20)::int], w.tags[1 + floor(random() * 20)::int], w.tags[1 + floor(random() * 20)::int]] AS tags WHERE i > 0) tg`,
    [BEATS],
  )
  await db.query(`UPDATE "Beat" SET "publishedAt" = NULL WHERE status = 'DRAFT'`)
  await db.query(`
    INSERT INTO "BeatTier" ("beatId", tier, "priceCents", enabled)
    SELECT b.id, t.tier::"LicenseTier", b."minPriceCents" * t.mult, true
    FROM "Beat" b, (VALUES ('BASIC', 1), ('TRACKOUT', 4), ('UNLIMITED', 10)) AS t(tier, mult)`)
  await db.query(`
    INSERT INTO "BeatFile" ("beatId", kind, "storageKey", "contentType", bytes, sha256, "durationMs")
    SELECT b.id, k.kind::"FileKind", 'beats/' || b.id || '/' || k.file, k.ct, 100000, repeat('0', 64), k.dur
    FROM "Beat" b, (VALUES ('PREVIEW', 'preview.mp3', 'audio/mpeg', 30000), ('COVER', 'cover.png', 'image/png', NULL)) AS k(kind, file, ct, dur)`)
  await db.query('VACUUM ANALYZE')
  log(`inserted ${BEATS.toLocaleString('en-US')} beats (+ tiers and files) in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  return db
}

async function timeSearchSql(db: pg.Client) {
  // The loader's own SQL, built by the same function the app uses.
  const { catalogQueries } = await import('~/models/beat/catalog.server')
  const { list, count } = catalogQueries({ ...SEARCH, sort: 'newest', page: 1, pageSize: 24 })
  const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ANALYZE ${list.text}`, list.values)
  const lines = plan.rows.map((r) => r['QUERY PLAN'])
  log('plan of the catalog list query (index nodes):')
  for (const line of lines.filter((l) => /Index|Bitmap|Execution Time|Seq Scan/.test(l))) console.log(`         ${line.trim()}`)
  const timings = { list: [] as number[], count: [] as number[], both: [] as number[] }
  for (let i = 0; i < QUERY_RUNS + 20; i++) {
    const a = performance.now()
    await db.query(list.text, list.values)
    const b = performance.now()
    await db.query(count.text, count.values)
    const c = performance.now()
    if (i < 20) continue // warm-up
    timings.list.push(b - a)
    timings.count.push(c - b)
    timings.both.push(c - a)
  }
  const p = (xs: number[], q: number) => percentile([...xs].sort((x, y) => x - y), q)
  return {
    list: { p50: p(timings.list, 50), p95: p(timings.list, 95) },
    count: { p50: p(timings.count, 50), p95: p(timings.count, 95) },
    both: { p50: median(timings.both), p95: p(timings.both, 95) },
    rows: (await db.query<{ n: number }>(count.text, count.values)).rows[0]?.n ?? 0,
  }
}

async function catalogJsGzipKb(base: string) {
  const html = await (await fetch(`${base}/`)).text()
  const urls = new Set<string>()
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) urls.add(m[1]!)
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) urls.add(m[1]!)
  for (const m of html.matchAll(/import\s*\(?\s*["']([^"']+\.js)["']/g)) urls.add(m[1]!)
  let total = 0
  for (const u of urls) {
    const body = Buffer.from(await (await fetch(new URL(u, base))).arrayBuffer())
    total += gzipSync(body, { level: 9 }).length
  }
  return { files: urls.size, kb: total / 1024 }
}

async function serve(db: pg.Client, buildDir: string, databaseUrl: string) {
  mkdirSync(path.join(tmp, 'data'))
  const server = await startServer({ DATABASE_URL: databaseUrl, BUILD_DIR: buildDir, DATA_DIR: path.join(tmp, 'data') })
  stops.unshift(() => server.stop())
  const catalogPath = `/?${new URLSearchParams(SEARCH).toString()}`
  const probe = await fetch(`${server.url}${catalogPath}`)
  const probeHtml = await probe.text()
  const cards = (probeHtml.match(/href="\/beats\//g) ?? []).length
  log(`GET ${catalogPath} → ${probe.status}, ${cards} beat links on the page`)
  if (!probe.ok || cards === 0) throw new Error('the catalog page did not render results')

  // Short warm-up so JIT and pools are settled, then the measured runs.
  await load('warm-up', { url: `${server.url}${catalogPath}`, connections: 10, durationSeconds: 2 })
  await load('warm-up', { url: `${server.url}/licensing`, connections: 10, durationSeconds: 2 })
  const etag = probe.headers.get('etag')
  if (!etag) throw new Error('the catalog page carries no ETag')
  const runs: Record<'catalog' | 'minimal' | 'revalidated', LoadResult[]> = { catalog: [], minimal: [], revalidated: [] }
  for (let i = 0; i < RUNS; i++) {
    runs.catalog.push(await load(`catalog ${catalogPath}`, { url: `${server.url}${catalogPath}`, connections: 50, durationSeconds: DURATION }))
    runs.minimal.push(await load('minimal /licensing', { url: `${server.url}/licensing`, connections: 50, durationSeconds: DURATION }))
    runs.revalidated.push(
      await load(`catalog revalidated (304)`, {
        url: `${server.url}${catalogPath}`,
        connections: 50,
        durationSeconds: DURATION,
        headers: { 'If-None-Match': etag },
        expectStatus: 304,
      }),
    )
  }
  // The run with the median throughput stands for each load.
  const medianRun = (xs: LoadResult[]) => [...xs].sort((a, b) => a.rps - b.rps)[Math.floor(xs.length / 2)]!
  const catalog = medianRun(runs.catalog)
  const minimal = medianRun(runs.minimal)
  const revalidated = medianRun(runs.revalidated)
  const memory = peakMemoryMb(server.pid)
  const sqlTimes = await timeSearchSql(db)
  const similar = await timeSimilarSql(db, log)
  const js = await catalogJsGzipKb(server.url)

  console.log('\n=== bench:catalog ===')
  console.log(`beats in database                  ${BEATS.toLocaleString('en-US')} (${sqlTimes.rows} match the search + filters)`)
  console.log(`runs per load                      ${RUNS} × ${DURATION} s at 50 connections (median run shown)`)
  printLoad(catalog)
  printLoad(minimal)
  printLoad(revalidated)
  const ratio = catalog.rps / minimal.rps
  console.log(`ratio catalog/minimal req/s        ${ratio.toFixed(2)} uncached (goal ≥ 0.5; was 0.26 before storefront caching)`)
  console.log(`ratio revalidated/minimal req/s    ${(revalidated.rps / minimal.rps).toFixed(2)} (304: validator checked before rendering)`)
  console.log(`per-run req/s                      catalog ${runs.catalog.map((r) => r.rps.toFixed(0)).join(' / ')} · minimal ${runs.minimal.map((r) => r.rps.toFixed(0)).join(' / ')} · 304 ${runs.revalidated.map((r) => r.rps.toFixed(0)).join(' / ')}`)
  console.log(`search SQL alone (list query)      p50 ${sqlTimes.list.p50.toFixed(2)} ms  p95 ${sqlTimes.list.p95.toFixed(2)} ms (goal p95 ≤ 15 ms)`)
  console.log(`count query                        p50 ${sqlTimes.count.p50.toFixed(2)} ms  p95 ${sqlTimes.count.p95.toFixed(2)} ms`)
  console.log(`list + count, one after the other  p50 ${sqlTimes.both.p50.toFixed(2)} ms  p95 ${sqlTimes.both.p95.toFixed(2)} ms  (${QUERY_RUNS} runs)`)
  console.log(`similar beats SQL (beat page)      p50 ${similar.p50.toFixed(2)} ms  p95 ${similar.p95.toFixed(2)} ms (goal p95 ≤ 15 ms, ${similar.runs} beats)`)
  console.log(`catalog page JavaScript (gzip)     ${js.kb.toFixed(1)} KB in ${js.files} files (goal ≤ 120 KB)`)
  console.log(`server peak memory (VmHWM)         ${memory.toFixed(0)} MB`)
}

const stops: (() => Promise<void>)[] = []
try {
  const buildDir = process.env.BENCH_SQL_ONLY ? '' : build()
  log(`starting an embedded PostgreSQL in ${tmp}`)
  // BENCH_PG_DIR keeps a filled database between runs (for index work); default is a fresh one.
  const pgDir = process.env.BENCH_PG_DIR ?? path.join(tmp, 'postgres')
  const pgServer = await startEmbeddedPostgres({ dir: pgDir, log })
  stops.push(() => pgServer.stop())
  await migrate(pgServer.url)
  process.env.DATABASE_URL = pgServer.url
  const db = await connectAndFill(pgServer.url)
  db.on('error', () => {}) // the server going away at the end is expected
  stops.unshift(() => db.end())
  if (process.env.BENCH_SQL_ONLY) {
    const t = await timeSearchSql(db)
    console.log(`list p50 ${t.list.p50.toFixed(2)} p95 ${t.list.p95.toFixed(2)} · count p50 ${t.count.p50.toFixed(2)} p95 ${t.count.p95.toFixed(2)} ms`)
    const s = await timeSimilarSql(db, log)
    console.log(`similar beats p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)} ms (${s.runs} beats, ${s.candidates.toFixed(0)} candidates each)`)
  } else {
    await serve(db, buildDir, pgServer.url)
  }

} catch (error) {
  console.error('[bench] failed:', error)
  process.exitCode = 1
} finally {
  await stopAll(stops, tmp)
}

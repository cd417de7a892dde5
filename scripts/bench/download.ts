// `npm run bench:download`: the download route's decide-log-and-redirect
// path at 50 connections beside /licensing (a page without database work) in the same run, and the
// local signed file route streaming a 10 MB WAV beside a plain Node read of the same file.
// Production build, own embedded Postgres, a paid order created directly. Loopback only.
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { chmodSync, copyFileSync, createReadStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { startEmbeddedPostgres } from '~/lib/db/embedded-postgres.server'
import { migrate } from '~/lib/db/migrate.server'
import { load, median, percentile, printLoad, type LoadResult } from './lib/load'
import { startServer } from './lib/server'
import { buildForBench } from './lib/build'

const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const LINES = 400 // downloads rotate over many order lines, as many buyers would
const LIMIT = 1000 // the env schema's maximum; LINES × LIMIT is far above what a run can spend
const WAV_BYTES = 10 * 1024 * 1024
const STREAM_RUNS = 15

const log = (line: string) => console.log(`[bench] ${line}`)
// The bench signs the order-access cookie itself, so it and the server share one secret.
const SESSION_SECRET = `bench-${randomBytes(16).toString('hex')}`
process.env.SESSION_SECRET = SESSION_SECRET
const tmp = mkdtempSync(path.join(os.tmpdir(), 'beatstall-bench-download-'))
chmodSync(tmp, 0o755)
const dataDir = path.join(tmp, 'data')
mkdirSync(dataDir, { mode: 0o755 })

const build = () => buildForBench(tmp, log)

/** A 10 MB 16-bit stereo 44.1 kHz WAV (a quiet sine), so the file route streams real audio bytes. */
function makeWav(bytes: number): Buffer {
  const dataBytes = bytes - 44
  const buf = Buffer.alloc(bytes)
  buf.write('RIFF', 0)
  buf.writeUInt32LE(bytes - 8, 4)
  buf.write('WAVEfmt ', 8)
  buf.writeUInt32LE(16, 16)
  buf.writeUInt16LE(1, 20)
  buf.writeUInt16LE(2, 22)
  buf.writeUInt32LE(44_100, 24)
  buf.writeUInt32LE(44_100 * 4, 28)
  buf.writeUInt16LE(4, 32)
  buf.writeUInt16LE(16, 34)
  buf.write('data', 36)
  buf.writeUInt32LE(dataBytes, 40)
  for (let i = 0, s = 0; 44 + i + 3 < bytes; i += 4, s++) {
    const v = Math.round(Math.sin((2 * Math.PI * 220 * s) / 44_100) * 8000)
    buf.writeInt16LE(v, 44 + i)
    buf.writeInt16LE(v, 46 + i)
  }
  return buf
}

async function seed() {
  // The app's own modules write the order and store the files (DATA_DIR = the server's).
  const { prisma } = await import('~/models/db.server')
  const { getStorage } = await import('~/lib/storage/index.server')
  const { createProducer } = await import('~/models/producer.server')
  const { createBeat } = await import('~/models/beat/beat.server')
  const { upsertBeatFile } = await import('~/models/beat/files.server')
  const { LICENSE_TIERS, snapshotTerms } = await import('~/lib/tiers')
  const { accessCookieHeader, createOrderAccessToken } = await import('~/lib/access/order-access.server')
  const producer = await createProducer({ email: 'bench-producer@example.test', displayName: 'Bench Producer' })
  const beat = await createBeat({
    producerId: producer.id,
    title: 'Night Drive',
    bpm: 90,
    musicalKey: 'A minor',
    genre: 'Trap',
    mood: 'Dark',
    tags: ['bench'],
    status: 'PUBLISHED',
  })
  const storage = getStorage()
  const wav = makeWav(WAV_BYTES)
  const files = { MP3: { ext: 'mp3', type: 'audio/mpeg', body: wav.subarray(0, 200_000) }, WAV: { ext: 'wav', type: 'audio/wav', body: wav } } as const
  for (const [kind, f] of Object.entries(files) as [keyof typeof files, (typeof files)[keyof typeof files]][]) {
    const key = `beats/${beat.id}/${kind.toLowerCase()}.${f.ext}`
    const stored = await storage.put(key, Buffer.from(f.body), { kind, contentType: f.type })
    await upsertBeatFile(beat.id, { kind, storageKey: stored.key, contentType: f.type, bytes: stored.bytes, sha256: stored.sha256 })
  }
  const email = 'bench-buyer@example.test'
  const order = await prisma.multiItemOrder.create({
    data: {
      status: 'PAID',
      email,
      buyerName: 'Bench Buyer',
      totalCents: LINES * LICENSE_TIERS.TRACKOUT.defaultPriceCents,
      paidAt: new Date(),
      items: {
        create: Array.from({ length: LINES }, (_, position) => ({
          position,
          beatId: beat.id,
          producerId: producer.id,
          tier: 'TRACKOUT' as const,
          priceCents: LICENSE_TIERS.TRACKOUT.defaultPriceCents,
          listPriceCents: LICENSE_TIERS.TRACKOUT.defaultPriceCents,
          beatTitle: 'Night Drive',
          producerName: producer.displayName,
          termsSnapshot: JSON.parse(JSON.stringify(snapshotTerms('TRACKOUT', LICENSE_TIERS.TRACKOUT.defaultTerms))),
        })),
      },
    },
    select: { items: { select: { id: true }, orderBy: { position: 'asc' } } },
  })
  // Long enough for the whole run; the same HMAC check as a real 30-minute link.
  const { token, expiresAt } = createOrderAccessToken(email, { ttlMs: 2 * 3600_000 })
  const cookie = (await accessCookieHeader(new Request('http://store.test/'), token, expiresAt)).split(';')[0]!
  const wavKey = `beats/${beat.id}/wav.wav`
  const localPath = path.join(dataDir, 'files', wavKey)
  await prisma.$disconnect()
  return { lineIds: order.items.map((i) => i.id), cookie, wavKey, localPath }
}

/** Like lib/load's load(), rotating request paths over the order lines. */
async function loadRotating(label: string, base: string, paths: string[], headers: Record<string, string>): Promise<LoadResult> {
  const times: number[] = []
  let unexpected = 0
  let i = 0
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: 50,
        duration: DURATION,
        headers,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    )
    instance.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
      times.push(ms)
      if (status !== 302) unexpected++
    })
  })
  times.sort((a, b) => a - b)
  return {
    label,
    requests: times.length,
    non2xx: unexpected,
    errors: result.errors,
    rps: times.length / (result.duration || DURATION),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  }
}

/**
 * Times each reader STREAM_RUNS times (after two warm-up rounds), taking turns run by run, so a
 * busy machine slows every reader alike instead of whichever happened to run last.
 */
async function timeStreams<K extends string>(readers: Record<K, () => Promise<number>>) {
  const names = Object.keys(readers) as K[]
  const mbps = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>
  for (let i = 0; i < STREAM_RUNS + 2; i++) {
    for (const name of names) {
      const t0 = performance.now()
      const bytes = await readers[name]()
      const seconds = (performance.now() - t0) / 1000
      if (bytes !== WAV_BYTES) throw new Error(`${name}: streamed ${bytes} bytes, expected ${WAV_BYTES}`)
      if (i >= 2) mbps[name].push(bytes / 1024 / 1024 / seconds)
    }
  }
  return Object.fromEntries(names.map((n) => [n, { median: median(mbps[n]), min: Math.min(...mbps[n]) }])) as Record<K, { median: number; min: number }>
}

/** Reads a URL with Node's own HTTP client and counts the bytes (the client costs little beside the server). */
function bytesOverHttp(url: string, what: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    http
      .get(url, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`${what} answered ${res.statusCode}`))
        let n = 0
        res.on('data', (chunk: Buffer) => (n += chunk.length))
        res.on('end', () => resolve(n))
        res.on('error', reject)
      })
      .on('error', reject)
  })
}

const stops: (() => Promise<void>)[] = []
try {
  const buildDir = build()
  log(`starting an embedded PostgreSQL in ${tmp}`)
  const pgServer = await startEmbeddedPostgres({ dir: path.join(tmp, 'postgres'), log })
  stops.push(() => pgServer.stop())
  await migrate(pgServer.url)
  process.env.DATABASE_URL = pgServer.url
  process.env.DATA_DIR = dataDir
  const { lineIds, cookie, localPath } = await seed()
  log(`paid order with ${lineIds.length} Trackout lines; 10 MB WAV stored`)

  // The same bytes as a fingerprint-free static asset of the same server (express.static, which is
  // `send` too): what serving a file over loopback HTTP costs here, with no signature to check.
  copyFileSync(localPath, path.join(buildDir, 'client/assets/bench-reference.wav'))

  const server = await startServer({
    DATABASE_URL: pgServer.url,
    BUILD_DIR: buildDir,
    DATA_DIR: dataDir,
    DOWNLOAD_LIMIT: String(LIMIT),
    SESSION_SECRET,
  })
  stops.unshift(() => server.stop())
  const headers = { Cookie: cookie }
  const probe = await fetch(`${server.url}/downloads/${lineIds[0]}/wav`, { headers, redirect: 'manual' })
  const location = probe.headers.get('Location')
  log(`GET /downloads/<line>/wav → ${probe.status} ${location?.slice(0, 80) ?? ''}`)
  if (probe.status !== 302 || !location) throw new Error(`download route answered ${probe.status}`)
  const signedUrl = new URL(location, server.url).toString()

  const paths = lineIds.map((id) => `/downloads/${id}/mp3`)
  await loadRotating('warm-up', server.url, paths, headers)
  await load('warm-up', { url: `${server.url}/licensing`, connections: 10, durationSeconds: 2 })
  const download = await loadRotating('download decide+log+302', server.url, paths, headers)
  const minimal = await load('minimal /licensing', { url: `${server.url}/licensing`, connections: 50, durationSeconds: DURATION })

  // Node's own HTTP client, which costs about what createReadStream does, so the figure is the
  // server's; fetch's web-stream reader is slower than the server and is reported beside it.
  const { served, staticFile, servedFetch, plain } = await timeStreams({
    served: () => bytesOverHttp(signedUrl, 'file route'),
    staticFile: () => bytesOverHttp(`${server.url}/assets/bench-reference.wav`, 'static asset'),
    servedFetch: async () => {
      const res = await fetch(signedUrl)
      if (!res.ok || !res.body) throw new Error(`file route answered ${res.status}`)
      let n = 0
      const reader = res.body.getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return n
        n += value.byteLength
      }
    },
    plain: async () => {
      let n = 0
      for await (const chunk of createReadStream(localPath)) n += (chunk as Buffer).length
      return n
    },
  })

  console.log('\n=== bench:download ===')
  printLoad(download)
  printLoad(minimal)
  console.log(`ratio download/minimal req/s       ${(download.rps / minimal.rps).toFixed(2)} (goal ≥ 0.5)`)
  console.log(`signed file route, 10 MB WAV        median ${served.median.toFixed(0)} MB/s (slowest ${served.min.toFixed(0)} MB/s, ${STREAM_RUNS} runs, node:http client)`)
  console.log(`  the same through fetch()           median ${servedFetch.median.toFixed(0)} MB/s (slowest ${servedFetch.min.toFixed(0)} MB/s)`)
  console.log(`plain Node createReadStream         median ${plain.median.toFixed(0)} MB/s (slowest ${plain.min.toFixed(0)} MB/s)`)
  console.log(`same WAV as a static asset (HTTP)   median ${staticFile.median.toFixed(0)} MB/s (slowest ${staticFile.min.toFixed(0)} MB/s)`)
  console.log(`file route / plain read             ${(served.median / plain.median).toFixed(2)} (goal ≥ 0.8; through fetch ${(servedFetch.median / plain.median).toFixed(2)})`)
  console.log(`file route / static asset           ${(served.median / staticFile.median).toFixed(2)} (the HTTP transfer itself is the same for both)`)
} finally {
  for (const stop of stops) await stop().catch((e: unknown) => console.error('[bench] stop failed:', e))
  rmSync(tmp, { recursive: true, force: true })
}

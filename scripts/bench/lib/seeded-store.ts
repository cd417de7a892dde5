import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { startEmbeddedPostgres } from '~/lib/db/embedded-postgres.server'
import { buildForBench } from './build'
import { startServer } from './server'

// The store as a newcomer's `npm start` runs it, for the browser benches: a production build
// (or BENCH_PREBUILT=build), an embedded PostgreSQL in the bench's temp folder and the demo catalog
// seeded on first start. Each started part pushes its stop onto `stops`, newest first.

export type Stops = (() => Promise<void>)[]

export async function startSeededStore(tmp: string, log: (line: string) => void, stops: Stops) {
  const buildDir = process.env.BENCH_PREBUILT ? path.resolve(process.env.BENCH_PREBUILT) : buildForBench(tmp, log)
  mkdirSync(path.join(tmp, 'data'))
  log(`starting an embedded PostgreSQL in ${tmp}`)
  const pgServer = await startEmbeddedPostgres({ dir: path.join(tmp, 'postgres'), log })
  stops.push(() => pgServer.stop())
  log('starting the store (the demo catalog is seeded on its first start) …')
  const server = await startServer({ BUILD_DIR: buildDir, DATA_DIR: path.join(tmp, 'data'), DATABASE_URL: pgServer.url, SEED_DEMO: 'true' })
  stops.unshift(() => server.stop())
  const html = await (await fetch(`${server.url}/`)).text()
  const slug = /href="\/beats\/([^"?#]+)"/.exec(html)?.[1]
  if (!slug) throw new Error('the catalog shows no beat')
  return { url: server.url, slug }
}

/** The end of every bench: stop what it started (newest first) and remove its temp folder. */
export async function stopAll(stops: Stops, tmp: string) {
  for (const stop of stops) await stop().catch((e: unknown) => console.error('[bench] stop failed:', e))
  rmSync(tmp, { recursive: true, force: true })
}

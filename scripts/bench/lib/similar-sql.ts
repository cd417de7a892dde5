import type pg from 'pg'
import { percentile } from './load'

// The beat page's similar-beats statement at catalog scale: the app's own SQL (similarBeatsQuery)
// for a spread of published beats, timed one after another after a warm-up.

const TARGETS = 300
const WARM_UP = 20

export async function timeSimilarSql(db: pg.Client, log: (line: string) => void) {
  const { similarBeatsQuery } = await import('~/models/beat/similar.server')
  const { rows: targets } = await db.query<{ id: string; producerId: string; genre: string; mood: string; musicalKey: string; bpm: number }>(
    `SELECT id, "producerId", genre, mood, "musicalKey", bpm FROM "Beat" WHERE status = 'PUBLISHED' ORDER BY md5(id::text) LIMIT $1`,
    [TARGETS + WARM_UP],
  )
  const toPg = (sql: { text: string; values: unknown[] }) => ({ text: sql.text, values: sql.values })
  const first = toPg(similarBeatsQuery(targets[0]!))
  const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ANALYZE ${first.text}`, first.values)
  const lines = plan.rows.map((r) => r['QUERY PLAN'])
  log('plan of the similar-beats query (first branches):')
  for (const line of lines.filter((l) => /Index|Seq Scan|Execution Time|Planning Time/.test(l)).slice(0, 6)) console.log(`         ${line.trim()}`)
  for (const line of lines.filter((l) => /Execution Time|Planning Time/.test(l))) console.log(`         ${line.trim()}`)
  const times: number[] = []
  let rows = 0
  for (const [i, target] of targets.entries()) {
    const q = toPg(similarBeatsQuery(target))
    const a = performance.now()
    const result = await db.query(q.text, q.values)
    const ms = performance.now() - a
    if (i < WARM_UP) continue
    times.push(ms)
    rows += result.rowCount ?? 0
  }
  times.sort((x, y) => x - y)
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs: times.length, candidates: rows / times.length }
}

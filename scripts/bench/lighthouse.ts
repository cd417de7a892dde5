// `npm run bench:lighthouse`: Lighthouse's mobile performance score for the store's first pages.
// Builds for production, starts it as `npm start` does (embedded PostgreSQL, demo catalog seeded on
// first start), and runs Lighthouse 12 (the last line that runs on Node 20) with its default mobile
// settings: a Moto G Power–sized screen, simulated slow 4G and a 4× slower CPU. Chromium is
// Debian's (/usr/bin/chromium, or CHROMIUM_PATH), a fresh one per run, as the Lighthouse CLI does.
//
// Reference, measured in the same run: /licensing, a page of the same build with text only, no
// cards and almost no interactivity. Its score is what the framework and the shell cost on this
// machine; the catalog's distance from it is what the catalog itself costs.
// Medians of BENCH_RUNS (default 3) runs per page, pages interleaved so machine noise spreads evenly.
import { chmodSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { median } from './lib/load'
import { startSeededStore, stopAll, type Stops } from './lib/seeded-store'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const GOAL_SCORE = 95

const log = (line: string) => console.log(`[bench] ${line}`)
const tmp = mkdtempSync(path.join(os.tmpdir(), 'beatstall-bench-lighthouse-'))
chmodSync(tmp, 0o755)

interface Run {
  score: number
  fcp: number
  lcp: number
  tbt: number
  si: number
  cls: number
}

async function audit(url: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox'],
  })
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' })
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`)
    const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcp: value('first-contentful-paint'),
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      si: value('speed-index'),
      cls: value('cumulative-layout-shift'),
    }
  } finally {
    chrome.kill()
  }
}

const stops: Stops = []
try {
  // BENCH_PREBUILT=build measures an existing production build instead of building one.
  const { url, slug } = await startSeededStore(tmp, log, stops)
  const pages = { 'reference (/licensing)': '/licensing', catalog: '/', 'beat page': `/beats/${slug}` }
  // One unmeasured run so the server's first-request work (JIT, pools, caches) is not counted.
  await audit(`${url}/`)

  const runs: Record<string, Run[]> = Object.fromEntries(Object.keys(pages).map((name) => [name, []]))
  for (let i = 0; i < RUNS; i++) {
    for (const [name, pathname] of Object.entries(pages)) {
      const run = await audit(`${url}${pathname}`)
      runs[name]!.push(run)
      log(`${name} run ${i + 1}: score ${run.score}, TBT ${run.tbt.toFixed(0)} ms`)
    }
  }

  console.log('\n=== bench:lighthouse ===')
  console.log(`Lighthouse 12, mobile (simulated slow 4G, 4× CPU slowdown); medians of ${RUNS} runs per page.`)
  console.log(`machine load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`)
  const ref = median(runs['reference (/licensing)']!.map((r) => r.score))
  for (const [name, list] of Object.entries(runs)) {
    const m = (key: keyof Run) => median(list.map((r) => r[key]))
    console.log(
      `${name.padEnd(24)} score ${String(m('score')).padStart(3)} (runs ${list.map((r) => r.score).join(', ')}; ${(m('score') / ref).toFixed(2)}× reference)  ` +
        `FCP ${m('fcp').toFixed(0)} ms  LCP ${m('lcp').toFixed(0)} ms  TBT ${m('tbt').toFixed(0)} ms  SI ${m('si').toFixed(0)} ms  CLS ${m('cls').toFixed(3)}`,
    )
  }
  const catalog = median(runs.catalog!.map((r) => r.score))
  console.log(`goal: catalog mobile performance ≥ ${GOAL_SCORE} → ${catalog >= GOAL_SCORE ? 'met' : 'NOT met'} (${catalog})`)
} catch (error) {
  console.error('[bench] failed:', error)
  process.exitCode = 1
} finally {
  await stopAll(stops, tmp)
}

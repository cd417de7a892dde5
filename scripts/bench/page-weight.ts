// `npm run bench:weight`: what a first visit costs. Builds for production, starts it as `npm start`
// does (embedded PostgreSQL, demo catalog seeded on first start), and loads the catalog and a beat
// page in Chromium (/usr/bin/chromium, or CHROMIUM_PATH) with the browser cache disabled:
//   phone    390×844 at 2× density, touch, mobile user agent
//   desktop  1280×900 at 1×
// For each it reports the bytes on the wire until the network is idle (headers and bodies, as the
// DevTools protocol counts them) and the Largest Contentful Paint from Chromium's own
// PerformanceObserver (Lighthouse's scores are `npm run bench:lighthouse`), as medians of
// BENCH_RUNS (default 3) loads, plus the bytes by resource type of the median load.
import { chmodSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, devices, type Browser, type BrowserContextOptions } from '@playwright/test'
import { median } from './lib/load'
import { startSeededStore, stopAll, type Stops } from './lib/seeded-store'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const GOALS = { phoneCatalogKb: 250, lcpMs: 1800 }

const log = (line: string) => console.log(`[bench] ${line}`)
const tmp = mkdtempSync(path.join(os.tmpdir(), 'beatstall-bench-weight-'))
chmodSync(tmp, 0o755)

const VIEWPORTS: Record<'phone' | 'desktop', BrowserContextOptions> = {
  phone: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
}

interface Load {
  bytes: number
  requests: number
  lcpMs: number
  fcpMs: number
  /** What the largest paint was (tag and class), to know what to make faster. */
  lcpElement: string
  byType: Record<string, number>
}

async function measure(browser: Browser, url: string, options: BrowserContextOptions): Promise<Load> {
  const context = await browser.newContext(options)
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    const types = new Map<string, string>()
    const byType: Record<string, number> = {}
    let bytes = 0
    let requests = 0
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type))
    cdp.on('Network.loadingFinished', (e) => {
      const type = types.get(e.requestId) ?? 'Other'
      bytes += e.encodedDataLength
      requests++
      byType[type] = (byType[type] ?? 0) + e.encodedDataLength
    })
    // Registered before any page script runs, so no LCP entry is missed.
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number; __lcpElement: string }
      w.__lcp = 0
      w.__lcpElement = ''
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
          w.__lcp = entry.startTime
          const el = entry.element
          w.__lcpElement = el ? `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}` : '?'
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true })
    })
    await page.goto(url, { waitUntil: 'networkidle' })
    // LCP is final once the page stops painting larger content; a frame after idle settles it.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))))
    const { lcpMs, lcpElement, fcpMs } = await page.evaluate(() => {
      const w = window as unknown as { __lcp: number; __lcpElement: string }
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
      return { lcpMs: w.__lcp, lcpElement: w.__lcpElement, fcpMs: fcp }
    })
    return { bytes, requests, lcpMs, fcpMs, lcpElement, byType }
  } finally {
    await context.close()
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

const stops: Stops = []
try {
  // BENCH_PREBUILT=build measures an existing production build instead of building one.
  const { url, slug } = await startSeededStore(tmp, log, stops)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  stops.unshift(() => browser.close())
  const pages = { catalog: '/', 'beat page': `/beats/${slug}` }
  // One unmeasured load so the server's first-request work (JIT, pools) is not counted.
  await measure(browser, `${url}/`, VIEWPORTS.desktop)

  console.log('\n=== bench:weight ===')
  console.log(`Chromium, cache disabled, until network idle; medians of ${RUNS} loads. LCP from PerformanceObserver (Lighthouse scores: npm run bench:lighthouse).`)
  // Times depend on how busy the machine is; bytes do not.
  console.log(`machine load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`)
  const results: Record<string, { bytes: number; lcp: number }> = {}
  for (const [device, options] of Object.entries(VIEWPORTS)) {
    for (const [name, pathname] of Object.entries(pages)) {
      const loads: Load[] = []
      for (let i = 0; i < RUNS; i++) loads.push(await measure(browser, `${url}${pathname}`, options))
      const bytes = median(loads.map((l) => l.bytes))
      const lcp = median(loads.map((l) => l.lcpMs))
      results[`${device} ${name}`] = { bytes, lcp }
      const typical = loads.find((l) => l.bytes === bytes) ?? loads[0]!
      const parts = Object.entries(typical.byType)
        .sort((a, b) => b[1] - a[1])
        .map(([t, n]) => `${t} ${kb(n)}`)
        .join(', ')
      const fcp = median(loads.map((l) => l.fcpMs))
      console.log(
        `${`${device} ${name}`.padEnd(20)} ${kb(bytes).padStart(10)}  LCP ${lcp.toFixed(0).padStart(5)} ms (${typical.lcpElement}; FCP ${fcp.toFixed(0)} ms)  ${typical.requests} requests (${parts})`,
      )
    }
  }
  const phone = results['phone catalog']!
  console.log(`goal: phone catalog ≤ ${GOALS.phoneCatalogKb} KB → ${phone.bytes / 1024 <= GOALS.phoneCatalogKb ? 'met' : 'NOT met'}; LCP ≤ ${GOALS.lcpMs} ms → ${phone.lcp <= GOALS.lcpMs ? 'met' : 'NOT met'}`)
} catch (error) {
  console.error('[bench] failed:', error)
  process.exitCode = 1
} finally {
  await stopAll(stops, tmp)
}

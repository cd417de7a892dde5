import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

// Load generation on loopback with autocannon, keeping every response time so we can report exact
// p50/p95/p99 (autocannon's own summary has p97.5 but no p95).

export interface LoadResult {
  label: string
  requests: number
  non2xx: number
  errors: number
  rps: number
  p50: number
  p95: number
  p99: number
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]!
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50)
}

export async function load(
  label: string,
  opts: { url: string; connections?: number; durationSeconds?: number; headers?: Record<string, string>; expectStatus?: number },
): Promise<LoadResult> {
  const times: number[] = []
  let non2xx = 0
  let finish!: (r: autocannon.Result) => void
  let fail!: (e: unknown) => void
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve
    fail = reject
  })
  const instance = autocannon(
    { url: opts.url, connections: opts.connections ?? 50, duration: opts.durationSeconds ?? 10, headers: opts.headers },
    (error, result) => (error ? fail(error) : finish(result)),
  )
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime)
    const ok = opts.expectStatus ? statusCode === opts.expectStatus : statusCode >= 200 && statusCode < 300
    if (!ok) non2xx++
  })
  const result = await done
  times.sort((a, b) => a - b)
  return {
    label,
    requests: times.length,
    non2xx,
    errors: result.errors,
    rps: times.length / (result.duration || opts.durationSeconds || 10),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  }
}

export function printLoad(r: LoadResult) {
  const f = (n: number) => n.toFixed(1).padStart(8)
  console.log(
    `${r.label.padEnd(34)} rps ${f(r.rps)}  p50 ${f(r.p50)} ms  p95 ${f(r.p95)} ms  p99 ${f(r.p99)} ms  (${r.requests} req, ${r.non2xx} unexpected status, ${r.errors} errors)`,
  )
}

/** Peak resident memory (VmHWM) of a process, in MB, from /proc. */
export function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN)
  return kb / 1024
}

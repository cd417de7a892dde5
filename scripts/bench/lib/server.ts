import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import getPort from 'get-port'

// Starts the production build the way `npm start` does (node <build>/server/index.js) on 127.0.0.1,
// for benchmarks. Pass BUILD_DIR (from buildForBench) and DATABASE_URL to reuse a prepared
// database, or let it start an embedded one.

export interface RunningServer {
  url: string
  pid: number
  dataDir: string
  stop: () => Promise<void>
}

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await getPort({ host: '127.0.0.1' })
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'beatstall-bench-'))
  chmodSync(dataDir, 0o755)
  const url = `http://127.0.0.1:${port}`
  // node itself (not npx) so `pid` is the server's, for memory readings.
  // BENCH_PROFILE_DIR=… writes the server's V8 CPU profile there when it stops (where the time goes).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []
  const entry = path.join(path.resolve(env.BUILD_DIR ?? 'build'), 'server/index.js')
  const child: ChildProcess = spawn(process.execPath, [...profile, entry], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = Date.now() + 240_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy in 240 s')
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    pid: child.pid!,
    dataDir,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}

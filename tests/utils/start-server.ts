import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import getPort from 'get-port'

// Starts the production build (`node <build>/server/index.js`) as `npm start` would, against a
// given database, and waits for /healthz. Needs the build (`npm test` builds first).

export const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build')

export interface StartedServer {
  port: number
  /** The server process, e.g. to read its memory from /proc. */
  pid: number
  origin: string
  dataDir: string
  output: () => string
  exited: Promise<number | null>
  stop: () => Promise<number | null>
  kill: (signal: NodeJS.Signals) => void
}

export async function startServer(opts: { databaseUrl: string; env?: Record<string, string>; dataPrefix?: string }): Promise<StartedServer> {
  if (!existsSync(path.join(buildDir, 'server/index.js'))) throw new Error(`no production build in ${buildDir}: run npm run build`)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), opts.dataPrefix ?? 'beatstall-start-'))
  chmodSync(dataDir, 0o755)
  const port = await getPort({ host: '127.0.0.1' })
  const child = spawn(process.execPath, [path.join(buildDir, 'server/index.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: opts.databaseUrl,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (c: Buffer) => (output += c))
  child.stderr!.on('data', (c: Buffer) => (output += c))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const origin = `http://127.0.0.1:${port}`
  const server: StartedServer = {
    port,
    pid: child.pid!,
    origin,
    dataDir,
    output: () => output,
    exited,
    kill: (signal) => {
      if (child.exitCode === null) child.kill(signal)
    },
    stop: () => {
      server.kill('SIGTERM')
      return exited
    },
  }
  for (let i = 0; i < 240 && child.exitCode === null; i++) {
    const ok = await fetch(`${origin}/healthz`).then((r) => r.ok, () => false)
    if (ok) return server
    await new Promise((r) => setTimeout(r, 250))
  }
  server.kill('SIGKILL')
  throw new Error(`the server did not become healthy:\n${output}`)
}

import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { GeneratedBeat, GeneratedFile } from './audio/generate'
import type { BeatSpec } from './audio/render'

// Rendering and MP3-encoding 27 beats costs minutes of CPU on a small machine, and the output
// depends only on the spec, so it is cached by (generator version, spec). The default location is
// shared by every DATA_DIR on the machine (test and e2e runs each use a fresh DATA_DIR), and every
// file is checked against its sha256 before reuse.

/** Bump when the synthesis changes so old renders are not reused. */
const GENERATOR_VERSION = 'beatstall-demo-audio-v2'

export function defaultCacheDir(): string {
  return path.join(os.tmpdir(), 'beatstall-demo-audio')
}

type Spec = BeatSpec & { title?: string }
type Meta = Record<keyof GeneratedBeat, Omit<GeneratedFile, 'data'> & { sha256: string; file: string }>

function entryDir(root: string, spec: Spec): string {
  const id = createHash('sha256').update(JSON.stringify([GENERATOR_VERSION, spec])).digest('hex').slice(0, 32)
  return path.join(root, id)
}

export async function readCached(root: string, spec: Spec): Promise<GeneratedBeat | null> {
  const dir = entryDir(root, spec)
  try {
    const meta = JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8')) as Meta
    const out = {} as GeneratedBeat
    for (const [name, m] of Object.entries(meta) as [keyof GeneratedBeat, Meta[keyof GeneratedBeat]][]) {
      const data = await readFile(path.join(dir, m.file))
      if (createHash('sha256').update(data).digest('hex') !== m.sha256) return null
      out[name] = { data, contentType: m.contentType, ext: m.ext, durationMs: m.durationMs }
    }
    return Object.keys(out).length === 5 ? out : null
  } catch {
    return null
  }
}

/** Best effort: a cache that cannot be written only costs speed next time. */
export async function writeCached(root: string, spec: Spec, files: GeneratedBeat): Promise<void> {
  const dir = entryDir(root, spec)
  const tmp = `${dir}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await mkdir(tmp, { recursive: true })
    const meta = {} as Meta
    for (const [name, f] of Object.entries(files) as [keyof GeneratedBeat, GeneratedFile][]) {
      const file = `${name}.${f.ext}`
      await writeFile(path.join(tmp, file), f.data)
      meta[name] = { contentType: f.contentType, ext: f.ext, durationMs: f.durationMs, file, sha256: createHash('sha256').update(f.data).digest('hex') }
    }
    await writeFile(path.join(tmp, 'meta.json'), JSON.stringify(meta))
    await rm(dir, { recursive: true, force: true })
    await rename(tmp, dir)
  } catch {
    await rm(tmp, { recursive: true, force: true }).catch(() => {})
  }
}

// Several stores may seed at once on one machine (parallel e2e runs): the first to claim a spec
// renders it, the others wait for its cache entry instead of rendering the same beat again.

const LOCK_STALE_MS = 10 * 60 * 1000

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Claims a spec for rendering; returns a release function, or null if another live process has it. */
export async function claimRender(root: string, spec: Spec): Promise<(() => Promise<void>) | null> {
  const lock = `${entryDir(root, spec)}.lock`
  await mkdir(root, { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await mkdir(lock)
      await writeFile(path.join(lock, 'owner'), `${process.pid} ${Date.now()}`)
      return () => rm(lock, { recursive: true, force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return async () => {}
      const [pid, since] = (await readFile(path.join(lock, 'owner'), 'utf8').catch(() => `0 ${Date.now()}`)).split(' ').map(Number)
      const stale = !pid || !alive(pid) || Date.now() - (since ?? 0) > LOCK_STALE_MS
      if (!stale) return null
      await rm(lock, { recursive: true, force: true })
    }
  }
  return null
}

/** Waits while another process renders `spec`; null if it gave up (render it yourself then). */
export async function waitForCached(root: string, spec: Spec, timeoutMs = LOCK_STALE_MS): Promise<GeneratedBeat | null> {
  const lock = `${entryDir(root, spec)}.lock`
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const hit = await readCached(root, spec)
    if (hit) return hit
    const owner = await readFile(path.join(lock, 'owner'), 'utf8').catch(() => null)
    const pid = owner ? Number(owner.split(' ')[0]) : 0
    if (!owner || !alive(pid)) return readCached(root, spec)
    await new Promise((r) => setTimeout(r, 500))
  }
  return null
}

/** Removes half-written entries left by a killed seed (older than half an hour). */
export async function pruneStale(root: string): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[])
  for (const name of names.filter((n) => n.endsWith('.tmp'))) {
    const info = await stat(path.join(root, name)).catch(() => null)
    if (info && Date.now() - info.mtimeMs > 30 * 60 * 1000) await rm(path.join(root, name), { recursive: true, force: true })
  }
}

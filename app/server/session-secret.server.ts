import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { getEnv, setEnv } from '~/lib/env.server'

/**
 * Production without SESSION_SECRET (the one-command default): generate a random secret once and
 * keep it under DATA_DIR so sessions survive restarts. Operators who set SESSION_SECRET skip this.
 */
export async function ensureSessionSecret(log: (line: string) => void) {
  const env = getEnv()
  if (env.SESSION_SECRET || env.NODE_ENV !== 'production') return
  const file = path.join(env.DATA_DIR, 'session-secret')
  if (!existsSync(file)) {
    await mkdir(env.DATA_DIR, { recursive: true })
    await writeFile(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
    log(`generated a session secret in ${file} (set SESSION_SECRET to manage it yourself)`)
  }
  await chmod(file, 0o600)
  setEnv({ SESSION_SECRET: (await readFile(file, 'utf8')).trim() })
}

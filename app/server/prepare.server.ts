import { ensureSessionSecret } from './session-secret.server'
import { prepareDatabase, type PreparedDatabase } from './database.server'

// What runs before the store answers, in `npm start` and `npm run dev` alike: the session secret,
// the database (embedded by default) with its migrations, and the first-run demo seed.

export const log = (line: string) => console.log(`[beatstall] ${line}`)

export async function prepare(): Promise<PreparedDatabase> {
  await ensureSessionSecret(log)
  const db = await prepareDatabase(log)
  // The demo seed (and its audio renderer) loads only when it may be needed; in the production
  // build it is a separate chunk of this same bundle, so it shares the app's env, pool and storage.
  const { seedDemoIfWanted } = await import('../../scripts/seed/auto-seed')
  await seedDemoIfWanted({ embedded: db.embedded !== undefined, log })
  return db
}

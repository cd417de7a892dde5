import { ensureSessionSecret } from './session-secret.server'
import { prepareDatabase, type PreparedDatabase } from './database.server'
import { stopOnStartupProblem } from './stop-on-startup-problem'

// What runs before the store answers, in `npm start` and `npm run dev` alike: the session secret,
// the database (embedded by default) with its migrations, and the first-run demo seed.

export const log = (line: string) => console.log(`[beatstall] ${line}`)

export async function prepare(): Promise<PreparedDatabase> {
  await ensureSessionSecret(log)
  const db = await prepareDatabase(log).catch(stopOnStartupProblem)
  // A server without SMTP writes mail to disk that nobody reads: say so loudly, at every start.
  const { getEnv } = await import('~/lib/env.server')
  const { mailDeliveryWarning } = await import('~/lib/mail/delivery-status')
  const mailWarning = mailDeliveryWarning(getEnv())
  if (mailWarning) {
    const { logger } = await import('~/lib/logger.server')
    logger.error(mailWarning)
    console.error(`[beatstall] ${mailWarning}`)
  }
  // The demo seed (and its audio renderer) loads only when it may be needed; in the production
  // build it is a separate chunk of this same bundle, so it shares the app's env, pool and storage.
  const { seedDemoIfWanted } = await import('../../scripts/seed/auto-seed')
  await seedDemoIfWanted({ embedded: db.embedded !== undefined, log })
  return db
}

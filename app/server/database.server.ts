import path from 'node:path'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '~/lib/db/embedded-postgres.server'
import { migrate } from '~/lib/db/migrate.server'
import { getEnv, setEnv } from '~/lib/env.server'

export interface PreparedDatabase {
  url: string
  embedded: EmbeddedDatabase | undefined
}

/**
 * DATABASE_URL when set; otherwise a real PostgreSQL from npm under DATA_DIR. Either way, pending
 * migrations are applied before anything else touches the database.
 */
export async function prepareDatabase(log: (line: string) => void): Promise<PreparedDatabase> {
  let env = getEnv()
  let embedded: EmbeddedDatabase | undefined
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dir: path.join(env.DATA_DIR, 'postgres'), port: 54329, log })
    setEnv({ DATABASE_URL: embedded.url })
    env = getEnv()
    log(`embedded PostgreSQL running on 127.0.0.1:${embedded.port}`)
  }
  const url = env.DATABASE_URL!
  const { applied } = await migrate(url, { log })
  if (applied.length) log(`applied ${applied.length} migration(s)`)
  return { url, embedded }
}

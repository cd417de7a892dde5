import { withMigrationLock } from '~/lib/db/migrate.server'
import { getEnv } from '~/lib/env.server'
import { seedDemo, type SeedOptions } from './seed-demo'

// On start: seed the demo catalog into an empty database when running on the embedded default,
// or when the operator asked for it with SEED_DEMO=true. A production store starts empty.

export async function seedDemoIfWanted(opts: { embedded: boolean; log: (line: string) => void; seed?: SeedOptions }) {
  const env = getEnv()
  const wanted = opts.embedded || env.SEED_DEMO === true
  if (!wanted) return
  if (!env.DATABASE_URL) throw new Error('seedDemoIfWanted runs after prepareDatabase has set DATABASE_URL')
  opts.log('checking whether the demo catalog is needed…')
  // Two instances starting at once on an empty database: one seeds, the other waits for the lock
  // and then finds the catalog there (seedDemo re-checks inside it).
  const result = await withMigrationLock(env.DATABASE_URL, () => seedDemo({ log: () => {}, ...opts.seed }))
  if (!result.seeded) {
    opts.log(`demo seed skipped: ${result.reason}`)
    return
  }
  opts.log(
    `demo catalog seeded: ${result.producers} producers, ${result.beats} beats, ` +
      `${(result.bytes / 1024 / 1024).toFixed(0)} MB of generated audio and art in ${result.seconds.toFixed(1)} s` +
      `${result.cached ? ` (${result.cached} renders reused from the cache)` : ''} ` +
      `(sign in to the studio as nova@, kilo@ or mara@beatstall.test with password "beatstall-demo")`,
  )
}

// `npm run seed [-- --force]`: seeds the demo catalog into the configured database by hand.
// Refuses on a catalog that already has beats unless --force (which adds another demo set).

const force = process.argv.includes('--force')
const { prepareDatabase } = await import('~/server/database.server')
const log = (line: string) => console.log(`[seed] ${line}`)
const db = await prepareDatabase(log)
const { seedDemo } = await import('./seed/seed-demo')
try {
  const result = await seedDemo({ force, log })
  if (!result.seeded) {
    log(`nothing to do: ${result.reason}. Run \`npm run seed -- --force\` to add the demo beats anyway.`)
  } else {
    log(`seeded ${result.producers} producers and ${result.beats} beats (${(result.bytes / 1024 / 1024).toFixed(0)} MB) in ${result.seconds.toFixed(1)} s, ${result.cached} renders reused from the cache`)
    log('studio sign-in: nova@beatstall.test, kilo@beatstall.test, mara@beatstall.test / beatstall-demo')
  }
} finally {
  await globalThis.__beatstallPrisma?.$disconnect()
  await db.embedded?.stop()
}
export {}

// Runs `prisma generate` on install. The Prisma CLI insists on a native schema engine it would
// download at run time; generate never executes it, so on machines without internet we point it at
// a harmless executable (see docs/decisions/0001-sql-migrations.md).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const cli = 'node_modules/prisma/build/index.js'
if (!existsSync(cli)) {
  // e.g. `npm install --package-lock-only`: nothing installed, nothing to generate.
  console.warn('prisma is not installed yet; skipping prisma generate')
  process.exit(0)
}
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' }
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stub = ['/bin/true', '/usr/bin/true'].find((p) => existsSync(p))
  if (stub) env.PRISMA_SCHEMA_ENGINE_BINARY = stub
}
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env })
process.exit(result.status ?? 1)

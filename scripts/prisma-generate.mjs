// Runs `prisma generate` on install. The Prisma CLI insists on a native schema engine it would
// download at run time; generate never executes it, so on machines without internet we point it at
// a harmless executable (see docs/decisions/0001-sql-migrations.md).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const env = { ...process.env }
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stub = ['/bin/true', '/usr/bin/true'].find((p) => existsSync(p))
  if (stub) env.PRISMA_SCHEMA_ENGINE_BINARY = stub
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1'
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env })
process.exit(result.status ?? 1)

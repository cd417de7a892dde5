import { defineConfig } from 'prisma/config'

// The runtime never reads this file (app/models/db.server.ts builds the client from the parsed env);
// it serves the Prisma CLI. `prisma generate` needs no database, so the URL may be absent.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/beatstall' },
})

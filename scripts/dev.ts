// `npm run dev`: Vite in middleware mode, and the same startup as `npm start` (session secret,
// embedded Postgres, migrations, first-run seed, jobs) loaded through Vite, so the server and the
// routes share one module graph here too.
import { createServer } from 'vite'

const vite = await createServer({ server: { middlewareMode: true }, mode: 'development' })
const { prepare } = (await vite.ssrLoadModule('/app/server/prepare.server.ts')) as typeof import('~/server/prepare.server')
const db = await prepare()
const { serveDevelopment } = (await vite.ssrLoadModule('/app/server/development.server.ts')) as typeof import('~/server/development.server')
serveDevelopment(vite, db)

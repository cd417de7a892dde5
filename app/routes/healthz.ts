import type { Route } from './+types/healthz'
import { checkDatabase } from '~/lib/health.server'

export async function loader(_: Route.LoaderArgs) {
  const db = await checkDatabase()
  return Response.json(
    { status: db.ok ? 'ok' : 'error', database: db },
    { status: db.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}

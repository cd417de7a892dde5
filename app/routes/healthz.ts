import type { Route } from './+types/healthz'
import { healthReport } from '~/lib/health.server'

export async function loader(_: Route.LoaderArgs) {
  const report = await healthReport()
  return Response.json(report, { status: report.status === 'error' ? 503 : 200, headers: { 'Cache-Control': 'no-store' } })
}

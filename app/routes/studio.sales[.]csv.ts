import type { Route } from './+types/studio.sales[.]csv'
import { requireProducer } from '~/lib/auth/session.server'
import { salesCsv } from '~/lib/studio/sales-csv.server'

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  const csv = await salesCsv(producer.id)
  const date = new Date().toISOString().slice(0, 10)
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="beatstall-sales-${date}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

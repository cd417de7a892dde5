import type { Route } from './+types/studio.ledger[.]csv'
import { requireProducer } from '~/lib/auth/session.server'
import { ledgerCsv } from '~/lib/payouts/ledger.server'

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  const csv = await ledgerCsv(producer)
  const date = new Date().toISOString().slice(0, 10)
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="beatstall-ledger-${date}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

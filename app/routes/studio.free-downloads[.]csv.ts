import type { Route } from './+types/studio.free-downloads[.]csv'
import { requireProducer } from '~/lib/auth/session.server'
import { freeDownloadsCsv } from '~/lib/free-downloads/studio.server'

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  const csv = await freeDownloadsCsv(producer.id)
  const date = new Date().toISOString().slice(0, 10)
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="beatstall-free-downloads-${date}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

import type { Route } from './+types/free.license.$token'
import { confirmedFreeDownload } from '~/lib/free-downloads/free-download.server'

// GET /free/license/:token: the frozen free license as plain text, with its fingerprint.

export async function loader({ params }: Route.LoaderArgs) {
  const row = await confirmedFreeDownload(params.token)
  if (!row?.licenseText) {
    return new Response('This license link is not valid, or the address is not confirmed yet.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  return new Response(`${row.licenseText}\n\nSHA-256 of the text above: ${row.licenseSha256}\n`, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `inline; filename="${row.beat.slug}-free-license.txt"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

import { Readable } from 'node:stream'
import { z } from 'zod'
import type { Route } from './+types/downloads.order.$orderId.zip'
import { readAccess } from '~/lib/access/order-access.server'
import { prepareOrderZip, streamZip } from '~/lib/downloads/zip.server'
import { refusalPage } from '~/lib/http/refusal-page'

// GET /downloads/order/:orderId/zip — every file the order's licenses cover, as one streamed zip.
// Each file counts as one download. HEAD is not special-cased: React Router runs the loader, so
// only GET is accepted to avoid spending downloads on a HEAD. Refusals are a small HTML page: a
// browser navigated here.

export async function loader({ request, params, context }: Route.LoaderArgs) {
  if (request.method !== 'GET') {
    throw refusalPage(405, 'Use the download button', 'Use GET to download the zip.', { headers: { Allow: 'GET' } })
  }
  const orderId = z.uuid().safeParse(params.orderId)
  if (!orderId.success) throw refusalPage(404, 'Order not found', 'We could not find that order.')
  const outcome = await prepareOrderZip({
    orderId: orderId.data,
    access: await readAccess(request),
    ip: context.ip,
    userAgent: request.headers.get('User-Agent') ?? '',
  })
  if (outcome.type === 'refused') throw refusalPage(outcome.status, 'We could not prepare this zip', outcome.message)
  const body = Readable.toWeb(streamZip(outcome.entries)) as ReadableStream<Uint8Array>
  return new Response(body, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${outcome.filename.replace(/[^\x20-\x7e]/g, '_')}"`,
      'Cache-Control': 'no-store',
    },
  })
}

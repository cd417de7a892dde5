import type { Route } from './+types/free.license.$token[.]pdf'
import { freeLicensePdf } from '~/lib/free-downloads/free-license-pdf.server'

// GET /free/license/:token.pdf: the frozen free license as a PDF (the same text and hash as the
// plain-text page), once the address is confirmed.

export async function loader({ params }: Route.LoaderArgs) {
  const pdf = await freeLicensePdf(params.token)
  if (!pdf) {
    return new Response('This license link is not valid, or the address is not confirmed yet.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${pdf.slug}-free-license.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

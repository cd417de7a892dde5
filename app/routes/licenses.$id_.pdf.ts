import { z } from 'zod'
import type { Route } from './+types/licenses.$id_.pdf'
import { readAccess } from '~/lib/access/order-access.server'
import { safeFilename } from '~/lib/downloads/filename'
import { refusalPage } from '~/lib/http/refusal-page'
import { renderLicensePdf } from '~/lib/pdf/license-pdf.server'
import { getLicense } from '~/lib/pdf/license.server'

// /licenses/:id/pdf — the license document. It names the buyer's email, so it needs the same
// proof of access as a download (the order-page cookie); the verification page stays public.
// Refusals are a small HTML page: a browser navigated here.

export async function loader({ params, request }: Route.LoaderArgs) {
  const access = await readAccess(request)
  if (!access.ok) {
    throw access.reason === 'expired'
      ? refusalPage(410, 'This link has expired', 'Your order link has expired. Ask for a fresh one on the order page.')
      : refusalPage(401, 'Open your order link', 'Open your license from the order page link we emailed you (ask for one on the order page).')
  }
  const id = z.uuid().safeParse(params.id)
  const license = id.success ? await getLicense(id.data) : null
  if (!license || license.orderEmail?.toLowerCase() !== access.email) {
    throw refusalPage(404, 'License not found', 'We could not find that license among the orders of your email address.')
  }
  const pdf = await renderLicensePdf(license)
  const name = `${safeFilename(license.beatTitle) || 'Beat'} (${license.tierLabel}) license.pdf`
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.length),
      'Content-Disposition': `inline; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'private, no-store',
    },
  })
}

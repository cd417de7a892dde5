import { data } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/licenses.$id_.pdf'
import { readAccess } from '~/lib/access/order-access.server'
import { safeFilename } from '~/lib/downloads/filename'
import { renderLicensePdf } from '~/lib/pdf/license-pdf.server'
import { getLicense } from '~/lib/pdf/license.server'

// /licenses/:id/pdf — the license document. It names the buyer's email, so it needs the same
// proof of access as a download (the order-page cookie); the verification page stays public.

export async function loader({ params, request }: Route.LoaderArgs) {
  const access = await readAccess(request)
  if (!access.ok) {
    throw data(
      access.reason === 'expired'
        ? 'Your order link has expired. Ask for a fresh one on the order page (/orders).'
        : 'Open your license from the order page link we emailed you (ask for one at /orders).',
      { status: access.reason === 'expired' ? 410 : 401 },
    )
  }
  const id = z.uuid().safeParse(params.id)
  const license = id.success ? await getLicense(id.data) : null
  if (!license || license.orderEmail?.toLowerCase() !== access.email) {
    throw data('We could not find that license among the orders of your email address.', { status: 404 })
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

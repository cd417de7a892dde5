import { data, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/downloads.$itemId.$kind'
import { readAccess } from '~/lib/access/order-access.server'
import { requestDownload } from '~/lib/downloads/download.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RefusalPanel, type RefusalData } from '~/components/orders/downloads-refusal'

// GET /downloads/:itemId/:kind — decide, log, 302 to a fresh 10-minute file URL.
// HEAD answers the same status without spending a download or writing anything (200 when allowed,
// with X-Downloads-Remaining). A Range header here is ignored: the redirect target serves ranges.

const Params = z.object({
  itemId: z.uuid(),
  kind: z.enum(['mp3', 'wav', 'stems']).transform((k) => k.toUpperCase() as 'MP3' | 'WAV' | 'STEMS'),
})

const NO_STORE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params)
  if (!parsed.success) {
    throw data<RefusalData>(
      { reason: 'NOT_FOUND', title: 'Download not found', message: 'That download link is not one we recognise.', email: null, upgradeTier: null, beatSlug: null },
      { status: 404, headers: NO_STORE },
    )
  }
  const outcome = await requestDownload({
    itemId: parsed.data.itemId,
    kind: parsed.data.kind,
    access: await readAccess(request),
    method: request.method === 'HEAD' ? 'HEAD' : 'GET',
    ip: context.ip,
    userAgent: request.headers.get('User-Agent') ?? '',
  })
  if (outcome.type === 'redirect') {
    return redirect(outcome.url, { status: 302, headers: { ...NO_STORE, 'X-Downloads-Remaining': String(outcome.remaining) } })
  }
  if (outcome.type === 'allowed-head') {
    return new Response(null, { status: 200, headers: { ...NO_STORE, 'X-Downloads-Remaining': String(outcome.remaining) } })
  }
  const e = outcome.entitlement
  throw data<RefusalData>(
    {
      reason: e.reason,
      title: e.title,
      message: e.message,
      email: e.email ?? null,
      upgradeTier: e.upgradeTier ?? null,
      beatSlug: outcome.beatSlug,
    },
    { status: e.status, headers: NO_STORE },
  )
}

// Never rendered: the loader always redirects or throws.
export default function Download() {
  return null
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return (
    <GeneralErrorBoundary
      error={error}
      render={(response) =>
        response.data && typeof response.data === 'object' && 'reason' in response.data ? (
          <RefusalPanel status={response.status} refusal={response.data as RefusalData} />
        ) : null
      }
    />
  )
}

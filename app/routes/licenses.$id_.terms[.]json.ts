import { data } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/licenses.$id_.terms[.]json'
import { licenseTermsDocument } from '~/lib/contracts/terms-documents.server'

// /licenses/:id/terms.json — the verification page's terms, machine-readable (schema:
// /license-terms.schema.json). Public like the page, and like it never the buyer's email.

export async function loader({ params }: Route.LoaderArgs) {
  const id = z.uuid().safeParse(params.id)
  const doc = id.success ? await licenseTermsDocument(id.data) : null
  if (!doc) throw data({ error: 'We have no license with this id.' }, { status: 404 })
  return Response.json(doc, { headers: { 'Cache-Control': 'no-store' } })
}

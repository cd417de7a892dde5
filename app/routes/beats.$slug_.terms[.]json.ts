import { data } from 'react-router'
import type { Route } from './+types/beats.$slug_.terms[.]json'
import { beatTermsDocument } from '~/lib/contracts/terms-documents.server'

// /beats/:slug/terms.json — what the beat page offers, machine-readable (schema:
// /license-terms.schema.json): each tier's price, files, caps and contract text.

export async function loader({ params }: Route.LoaderArgs) {
  const doc = await beatTermsDocument(params.slug)
  if (!doc) throw data({ error: 'That beat is not in the store.' }, { status: 404 })
  return Response.json(doc, { headers: { 'Cache-Control': 'no-cache' } })
}

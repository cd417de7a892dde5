import { data, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/free.$slug'
import { emailSchema } from '~/lib/auth/schemas'
import { requestFreeDownload } from '~/lib/free-downloads/free-download.server'
import { formFailure } from '~/lib/http/errors'
import { keepRetryAfter } from '~/lib/http/retry-after'
import { readForm } from '~/lib/http/read-body'
import { NO_ERRORS, parseForm } from '~/lib/form'

// POST /free/:slug: a listener asks for a beat's free download. The answer is the same whether or
// not the address is known; the file comes only after the emailed link is opened.

export const headers = keepRetryAfter

export const FREE_REQUEST_SENT = 'Check your inbox: we sent a link to confirm your address.'

const FreeRequest = z.object({
  email: emailSchema,
  // An unticked checkbox is absent from the form: no consent unless the listener ticked it.
  consent: z.literal('on').optional(),
})

// A GET (a reload of the URL) goes back to the beat page, where the form is.
export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/beats/${encodeURIComponent(params.slug)}`)
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = parseForm(await readForm(request), FreeRequest)
  if (!form.ok) return data({ sent: false as const, message: null, errors: form.errors }, { status: 400 })
  try {
    await requestFreeDownload(params.slug, { email: form.data.email, consent: form.data.consent === 'on' }, context.ip)
  } catch (error) {
    return formFailure(error, { sent: false as const, message: null })
  }
  return { sent: true as const, message: FREE_REQUEST_SENT, errors: NO_ERRORS }
}

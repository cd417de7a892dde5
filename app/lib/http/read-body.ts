import { FORM_LIMIT_BYTES, tooLargeMessage } from './body-limits'

// Reading a request body at the HTTP boundary without trusting it: never more than a cap (counted
// as the bytes arrive, whatever Content-Length says), and anything unreadable is a 4xx with a
// sentence, never an exception from `request.formData()` that would answer 500. A refused body is
// left unread rather than cancelled, so the client still gets the answer; the server drains the
// rest (app/server/discard-unread-body.ts).

function refuse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  })
}

/** The body's bytes, at most `maxBytes` of them; throws a 413 response past that. */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('Content-Length') ?? NaN)
  if (declared > maxBytes) throw refuse(413, tooLargeMessage(maxBytes))
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) throw refuse(413, tooLargeMessage(maxBytes))
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof Response) throw error
    throw refuse(400, 'The request body was cut off before it finished. Please retry.')
  } finally {
    reader.releaseLock()
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/** The body as UTF-8 text, at most `maxBytes` (e.g. a webhook event before its signature is checked). */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readCapped(request, maxBytes))
}

/** The body parsed as JSON, or null when it is not JSON (the caller's schema then refuses it). */
export async function readJson(request: Request, maxBytes = FORM_LIMIT_BYTES): Promise<unknown> {
  const text = await readText(request, maxBytes)
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

/**
 * A form post: POST only (405 otherwise), sent as a form (415), at most `maxBytes` (413), parseable
 * (400), and without NUL characters, which PostgreSQL cannot store in text (400).
 */
export async function readForm(request: Request, maxBytes = FORM_LIMIT_BYTES): Promise<FormData> {
  if (request.method !== 'POST') throw refuse(405, 'Send this form with POST.', { Allow: 'POST' })
  const contentType = request.headers.get('Content-Type') ?? ''
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
  if (!FORM_TYPES.includes(mediaType)) {
    throw refuse(415, 'Send this form as application/x-www-form-urlencoded or multipart/form-data.')
  }
  const body = await readCapped(request, maxBytes)
  let form: FormData
  try {
    form = await new Response(body, { headers: { 'Content-Type': contentType } }).formData()
  } catch {
    throw refuse(400, 'The form could not be read. Reload the page and try again.')
  }
  for (const [name, value] of form) {
    if (name.includes('\0') || (typeof value === 'string' && value.includes('\0'))) {
      throw refuse(400, 'The form contains a NUL character, which no field accepts.')
    }
  }
  return form
}

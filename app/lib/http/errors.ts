import { data } from 'react-router'
import { ConflictError, DomainError, ForbiddenError, GoneError, InvalidInputError, NotFoundError, RateLimitedError } from '~/lib/errors'
import { formError, type FormErrors } from '~/lib/form'

// The boundary between typed domain errors and HTTP: routes call these, nothing below them does.
// Every answer carries the error's own message, written for the person who will read it.

interface ErrorAnswer {
  status: number
  message: string
  headers: Record<string, string>
}

const INPUT_STATUS: Record<InvalidInputError['kind'], number> = {
  invalid: 400,
  'too-large': 413,
  unsupported: 415,
  unreadable: 422,
}

/** Status, message and headers for a typed domain error; null for anything else (a bug, an outage). */
export function describeError(error: unknown): ErrorAnswer | null {
  if (!(error instanceof DomainError)) return null
  const answer = (status: number, headers: Record<string, string> = {}) => ({ status, message: error.message, headers })
  if (error instanceof NotFoundError) return answer(404)
  if (error instanceof ConflictError) return answer(409)
  if (error instanceof GoneError) return answer(410)
  if (error instanceof ForbiddenError) return answer(403)
  if (error instanceof InvalidInputError) return answer(INPUT_STATUS[error.kind])
  if (error instanceof RateLimitedError) return answer(429, { 'Retry-After': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) })
  return answer(400)
}

/** A plain-text response for a typed domain error, which the error boundary shows as a page. */
export function toResponse(error: DomainError): Response {
  const { status, message, headers } = describeError(error)!
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  })
}

/** Rethrows a typed domain error as its response; any other error goes on unchanged. */
export function rethrowAsResponse(error: unknown): never {
  if (error instanceof DomainError) throw toResponse(error)
  throw error
}

/** Awaits domain work, turning its typed errors into responses (for loaders and actions). */
export async function orResponse<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    rethrowAsResponse(error)
  }
}

/**
 * For form actions: a refused change comes back to the form as its form-level message (with the
 * right status, and Retry-After when rate limited). A missing record still throws a 404 page, and
 * any other error goes on unchanged.
 */
export function formFailure<Extra extends object>(error: unknown, extra: Extra) {
  const answer = describeError(error)
  if (!answer || error instanceof NotFoundError) rethrowAsResponse(error)
  return data<Extra & { errors: FormErrors }>({ ...extra, errors: formError(answer.message) }, { status: answer.status, headers: answer.headers })
}

/** Throws a plain-text response unless the condition holds (Epic Stack's `invariantResponse`). */
export function invariantResponse(condition: unknown, message: string, init: ResponseInit = { status: 400 }): asserts condition {
  if (condition) return
  throw new Response(message, {
    ...init,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...Object.fromEntries(new Headers(init.headers)) },
  })
}

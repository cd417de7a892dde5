import { data, type HeadersFunction } from 'react-router'
import { RateLimitedError } from '~/lib/errors'

// How a spent rate limit reaches the client: a 429 with Retry-After. React Router passes on only
// the Set-Cookie of an action's (or loader's) headers unless the route exports `headers`, so a route
// that can answer 429 exports `keepRetryAfter` as its `headers`.

/** For a catch block: a RateLimitedError becomes a 429 whose body is `body(message)`; anything else is rethrown. */
export function answerRateLimited<T>(error: unknown, body: (message: string) => T) {
  if (!(error instanceof RateLimitedError)) throw error
  return data(body(error.message), { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } })
}

/** A route `headers` function: the parent's headers plus the answer's Retry-After, if any. */
export const keepRetryAfter: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders)
  const retryAfter = [errorHeaders, actionHeaders, loaderHeaders].map((h) => h?.get('Retry-After')).find(Boolean)
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}

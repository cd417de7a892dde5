import type { HeadersFunction } from 'react-router'

// React Router passes on only the Set-Cookie of an action's (or loader's) headers unless the route
// exports `headers`, so a route that can answer 429 exports `keepRetryAfter` as its `headers`:
// without it the Retry-After of formFailure's answer never reaches the client.

/** A route `headers` function: the parent's headers plus the answer's Retry-After, if any. */
export const keepRetryAfter: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders)
  const retryAfter = [errorHeaders, actionHeaders, loaderHeaders].map((h) => h?.get('Retry-After')).find(Boolean)
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}

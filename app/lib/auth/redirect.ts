const BASE = 'http://same.origin.invalid'

/**
 * Only same-origin paths are followed after login (`/studio/...`). The check parses the target the
 * way a browser resolves a Location header, so whatever the spelling (`//host`, `/\host`, a tab
 * or newline the URL parser drops, `\/\/`), anything that leaves the origin falls back. Control
 * characters, backslashes and non-ASCII are refused outright: a legitimate path arrives
 * percent-encoded, and a raw CR or LF must never reach a header.
 */
export function safeRedirect(to: string | null | undefined, fallback = '/studio'): string {
  if (typeof to !== 'string' || !/^\/[\x21-\x7e]*$/.test(to) || to.includes('\\')) return fallback
  let url: URL
  try {
    url = new URL(to, BASE)
  } catch {
    return fallback
  }
  if (url.origin !== BASE) return fallback
  // An encoded control or format character, backslash or leading `//` is refused too, in case
  // something downstream decodes the path once more before using it.
  let decoded: string
  try {
    decoded = decodeURIComponent(url.pathname)
  } catch {
    return fallback
  }
  if (/[\p{Cc}\p{Cf}]/u.test(decoded) || decoded.includes('\\') || decoded.startsWith('//')) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}

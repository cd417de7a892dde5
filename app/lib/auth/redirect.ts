/**
 * Only same-site paths are followed after login (`/studio/...`), never `//evil.example` or an
 * absolute URL, so a crafted login link cannot send a producer elsewhere.
 */
export function safeRedirect(to: string | null | undefined, fallback = '/studio'): string {
  if (!to || typeof to !== 'string') return fallback
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}

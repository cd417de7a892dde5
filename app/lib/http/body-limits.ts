// How many bytes of request body each address accepts, checked before any work is done: from
// Content-Length before reading (app/server/body-limits.ts), and while reading for bodies sent
// without one (./read-body.ts). Each cap is what its purpose needs, with room to spare.

const KB = 1024

/** Stripe events are a few kilobytes; the largest real ones stay well under this. */
export const STRIPE_EVENT_LIMIT_BYTES = 512 * KB

/**
 * Every form. The largest real ones: the studio beat form at its length limits in 3-byte
 * characters (about 23 KB url-encoded) and a checkout with 100 cart lines (about 10 KB).
 */
export const FORM_LIMIT_BYTES = 64 * KB

/** The voice tag form: a tag of at most 2 MB (app/lib/studio/voice-tag-settings.ts) plus the form around it. */
export const VOICE_TAG_FORM_LIMIT_BYTES = 2 * 1024 * KB + 64 * KB

// Uploads are streamed to disk with limits per file slot (app/lib/studio/receive-upload.server.ts).
const UPLOAD_PATH = /^\/studio\/beats\/[^/]+\/upload\/[^/]+?(\.data)?\/?$/i
const WEBHOOK_PATH = /^\/webhooks\/stripe\/?$/i
const VOICE_TAG_PATH = /^\/studio\/voice-tag(\.data)?\/?$/i

/** The body cap of a URL path; null where the route enforces its own (file uploads). */
export function bodyLimitFor(pathname: string): number | null {
  if (UPLOAD_PATH.test(pathname)) return null
  if (WEBHOOK_PATH.test(pathname)) return STRIPE_EVENT_LIMIT_BYTES
  if (VOICE_TAG_PATH.test(pathname)) return VOICE_TAG_FORM_LIMIT_BYTES
  return FORM_LIMIT_BYTES
}

/** "64 KB", "512 KB": a limit as people read it. */
function formatLimit(bytes: number): string {
  return bytes >= 1024 * KB ? `${Math.round(bytes / (1024 * KB))} MB` : `${Math.round(bytes / KB)} KB`
}

export function tooLargeMessage(limit: number): string {
  return `This request is larger than the ${formatLimit(limit)} this address accepts.`
}

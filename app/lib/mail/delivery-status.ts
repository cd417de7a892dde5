import type { Env } from '~/lib/env.server'

// Where the store's mail goes, in words for /healthz and the start log. A server without SMTP
// keeps writing mail to DATA_DIR/mail but shows it to nobody, so buyers receive nothing: that
// must be loud, not a quiet fallback.

export type MailDelivery =
  | { delivered: true; detail: 'smtp' }
  | { delivered: false; detail: 'development mailbox' | 'not delivered: SMTP_URL unset' }

export function mailDelivery(env: Pick<Env, 'SMTP_URL' | 'serverMode'>): MailDelivery {
  if (env.SMTP_URL) return { delivered: true, detail: 'smtp' }
  if (!env.serverMode) return { delivered: false, detail: 'development mailbox' }
  return { delivered: false, detail: 'not delivered: SMTP_URL unset' }
}

/** The sentence an operator must see at start, or null when mail is fine for this mode. */
export function mailDeliveryWarning(env: Pick<Env, 'SMTP_URL' | 'serverMode' | 'DATA_DIR'>): string | null {
  if (mailDelivery(env).detail !== 'not delivered: SMTP_URL unset') return null
  return (
    `MAIL IS NOT DELIVERED: this store runs as a server (APP_URL is a public address) without SMTP_URL, ` +
    `so receipts, order links and password resets only land in ${env.DATA_DIR}/mail. Set SMTP_URL.`
  )
}

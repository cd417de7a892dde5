import Stripe from 'stripe'
import { getEnv } from '~/lib/env.server'

// The Stripe client is built on first use, never at import time: the env may not be final yet, and
// without STRIPE_SECRET_KEY the store runs its built-in test checkout instead (getStripe() → null).

export const STRIPE_API_VERSION = '2026-10-28.endive' as const

let client: Stripe | null | undefined

export function getStripe(): Stripe | null {
  if (client !== undefined) return client
  const env = getEnv()
  if (!env.STRIPE_SECRET_KEY) return (client = null)
  const config: ConstructorParameters<typeof Stripe>[1] = { apiVersion: STRIPE_API_VERSION, maxNetworkRetries: 2 }
  if (env.STRIPE_API_URL) {
    // Tests and local tools point the real SDK at a Stripe-compatible server.
    const url = new URL(env.STRIPE_API_URL)
    config.host = url.hostname
    config.port = Number(url.port || (url.protocol === 'https:' ? 443 : 80))
    config.protocol = url.protocol === 'http:' ? 'http' : 'https'
  }
  return (client = new Stripe(env.STRIPE_SECRET_KEY, config))
}

/** Forget the client (tests change the env between files). */
export function resetStripeClient() {
  client = undefined
}

export class WebhookSignatureError extends Error {}

/**
 * Verifies `Stripe-Signature` over the raw body and parses the event. Needs only the webhook
 * secret, so it also works in test-checkout mode where there is no API key.
 */
export function verifyStripeEvent(rawBody: string, signature: string | null): Stripe.Event {
  if (!signature) throw new WebhookSignatureError('Missing Stripe-Signature header.')
  // Stripe signs events of connected accounts (account.updated) with the Connect endpoint's own secret.
  const connectSecret = getEnv().STRIPE_CONNECT_WEBHOOK_SECRET
  if (connectSecret) {
    try {
      return Stripe.webhooks.constructEvent(rawBody, signature, connectSecret)
    } catch {
      // Not a Connect event: the platform endpoint's secret below decides.
    }
  }
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, getEnv().STRIPE_WEBHOOK_SECRET)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new WebhookSignatureError(`Stripe signature verification failed: ${reason}`)
  }
}

/** Signs a payload the way Stripe does (the test checkout and tests use it). */
export function signStripePayload(payload: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: getEnv().STRIPE_WEBHOOK_SECRET, timestamp })
}

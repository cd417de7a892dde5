import { reloadEnv } from '~/lib/env.server'
import { resetStripeClient } from '~/lib/payments/stripe.server'
import { startFakeStripe, type FakeStripe } from '../fakes/stripe-server'

/**
 * Starts the fake Stripe server and points the store's real Stripe SDK at it, with any further
 * settings the test needs (read by the env schema like the rest). Close the server in afterAll.
 */
export async function connectFakeStripe(env: Record<string, string> = {}): Promise<FakeStripe> {
  const fake = await startFakeStripe()
  Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_test_beatstall_fake', STRIPE_API_URL: fake.url, CURRENCY: 'usd', ...env })
  reloadEnv()
  resetStripeClient()
  return fake
}

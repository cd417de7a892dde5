import { createRateLimit } from '~/lib/security/rate-limit.server'
import { createSignInLimits } from '~/lib/security/sign-in-limits.server'
import { createProducer, findProducerByEmail, findProducerCredentials } from '~/models/producer.server'
import { hashPassword, verifyPassword } from './password.server'

// Sign-up and sign-in. Login is rate-limited per client IP, per (IP, email) and per email (see
// sign-in-limits), so neither one address nor one account can be brute-forced, and strangers'
// guesses do not lock the owner out; a wrong email and a wrong password look the same.

const signInLimits = createSignInLimits()
const signUpPerIp = createRateLimit({ name: 'signup-ip', points: 10, durationSeconds: 60 * 60 })

const LIMIT_MESSAGE = 'Too many sign-in attempts. Wait a few minutes, or reset your password.'

// Verifying against a real hash when the email is unknown keeps the timing of both failures alike.
let dummyHash: Promise<string> | undefined

/** Who to open a session for: the producer and the session version it must carry. */
export interface SessionSubject {
  id: string
  sessionVersion: number
}

export type SignInResult = { ok: true; producer: SessionSubject } | { ok: false; error: string }

export async function signIn(input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const attempt = { ip: input.ip, account: input.email }
  await signInLimits.spend(attempt, LIMIT_MESSAGE)
  const producer = await findProducerCredentials(input.email)
  const hash = producer?.passwordHash ?? (await (dummyHash ??= hashPassword('not-a-real-password-000')))
  const valid = await verifyPassword(hash, input.password)
  if (!producer?.passwordHash || !valid) return { ok: false, error: 'That email and password do not match.' }
  await signInLimits.succeeded(attempt)
  return { ok: true, producer: { id: producer.id, sessionVersion: producer.sessionVersion } }
}

export type SignUpResult = { ok: true; producer: SessionSubject } | { ok: false; field: 'email'; error: string }

export async function signUp(input: { displayName: string; email: string; password: string; ip: string }): Promise<SignUpResult> {
  await signUpPerIp.consume(`ip:${input.ip}`, 'Too many accounts created from here. Try again later.')
  const existing = await findProducerByEmail(input.email)
  if (existing) return { ok: false, field: 'email', error: 'An account with this email already exists. Sign in instead.' }
  const passwordHash = await hashPassword(input.password)
  try {
    const producer = await createProducer({ email: input.email, displayName: input.displayName, passwordHash })
    return { ok: true, producer: { id: producer.id, sessionVersion: producer.sessionVersion } }
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if (error instanceof Error && 'code' in error && error.code === 'P2002') {
      return { ok: false, field: 'email', error: 'An account with this email already exists. Sign in instead.' }
    }
    throw error
  }
}

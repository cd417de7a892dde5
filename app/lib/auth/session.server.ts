import { createCookieSessionStorage, redirect, type SessionStorage } from 'react-router'
import { getEnv } from '~/lib/env.server'
import { findSessionProducer } from '~/models/producer.server'
import { isHttpsRequest } from '~/lib/security/cookie-security'
import type { SessionSubject } from './accounts.server'
import { safeRedirect } from './redirect'

// Producer sessions live in a signed cookie (React Router's cookie session storage): httpOnly,
// SameSite=Lax (with the Origin check on every mutation), Secure when the request came over https
// (see cookie-security.ts). SESSION_SECRET may list several secrets: the first signs, all verify (rotation).
// A session also carries the producer's session version: a password reset bumps it, which signs
// out every session opened before (cookies cannot be recalled any other way).

interface SessionData {
  producerId: string
  sessionVersion: number
}

const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30

let storage: SessionStorage<SessionData> | undefined
/** The studio session cookie; a request carrying it never gets a shared (cacheable) page. */
export const STUDIO_SESSION_COOKIE = '__beatstall_studio'

export function getSessionStorage(): SessionStorage<SessionData> {
  if (storage) return storage
  const env = getEnv()
  storage = createCookieSessionStorage<SessionData>({
    cookie: {
      name: STUDIO_SESSION_COOKIE,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: SESSION_MAX_AGE_SECONDS,
      secrets: env.SESSION_SECRETS,
    },
  })
  return storage
}

export interface SessionProducer {
  id: string
  email: string
  displayName: string
  slug: string
}

async function readSession(request: Request): Promise<SessionSubject | undefined> {
  const session = await getSessionStorage().getSession(request.headers.get('Cookie'))
  const id = session.get('producerId')
  const version = session.get('sessionVersion')
  if (typeof id !== 'string') return undefined
  return { id, sessionVersion: typeof version === 'number' ? version : 0 }
}

/**
 * The signed-in producer, or null. A cookie naming a deleted producer, or issued before the
 * producer's last password reset, counts as signed out.
 */
export async function getProducer(request: Request): Promise<SessionProducer | null> {
  const subject = await readSession(request)
  if (!subject) return null
  const producer = await findSessionProducer(subject.id)
  if (!producer || producer.sessionVersion !== subject.sessionVersion) return null
  const { sessionVersion: _, ...rest } = producer
  return rest
}

/** Throws a redirect to the login page (coming back here afterwards) when nobody is signed in. */
export async function requireProducer(request: Request): Promise<SessionProducer> {
  const producer = await getProducer(request)
  if (producer) return producer
  const url = new URL(request.url)
  const back = request.method === 'GET' ? `${url.pathname}${url.search}` : '/studio'
  throw redirect(`/studio/login?${new URLSearchParams({ redirectTo: back })}`)
}

/** Signs the producer in and redirects; a fresh session, so no pre-login state carries over. */
export async function createProducerSession(request: Request, producer: SessionSubject, redirectTo: string | null | undefined) {
  const sessions = getSessionStorage()
  const session = await sessions.getSession()
  session.set('producerId', producer.id)
  session.set('sessionVersion', producer.sessionVersion)
  return redirect(safeRedirect(redirectTo, '/studio'), {
    headers: { 'Set-Cookie': await sessions.commitSession(session, { secure: isHttpsRequest(request) }) },
  })
}

export async function destroyProducerSession(request: Request) {
  const sessions = getSessionStorage()
  const session = await sessions.getSession(request.headers.get('Cookie'))
  return redirect('/studio/login', {
    headers: { 'Set-Cookie': await sessions.destroySession(session, { secure: isHttpsRequest(request) }) },
  })
}

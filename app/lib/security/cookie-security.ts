// Cookies are Secure when this request reached the store over https: the scheme the app sees
// (behind a trusted proxy, Express derives it from X-Forwarded-Proto), not what APP_URL says. A
// proxy terminating TLS in front of an http APP_URL still gets Secure cookies; a plain-http demo
// on a laptop gets cookies its browser accepts.
export function isHttpsRequest(request: Request): boolean {
  return new URL(request.url).protocol === 'https:'
}

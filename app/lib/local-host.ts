import { isIP } from 'node:net'

// "A demo on my laptop" or "a store on a server" is decided by the public address the operator
// gives (APP_URL): only names that can never be reached from another machine count as local.

/**
 * True for loopback addresses (127.0.0.0/8, ::1, ::ffff:127.x), `localhost`, `*.localhost` and
 * `*.test` (RFC 6761 keeps both out of public DNS).
 */
export function isLocalHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'test' || host.endsWith('.test')) return true
  if (isIP(host) === 4) return host.startsWith('127.')
  // URL parsing already shortens IPv6 (0:0:…:1 → ::1) and writes mapped IPv4 in hex.
  if (isIP(host) === 6) return host === '::1' || /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(host)
  return false
}

/** True for a client address on this machine (the request came from the same host). */
export function isLoopbackAddress(ip: string): boolean {
  return isIP(ip) !== 0 && isLocalHostname(ip)
}

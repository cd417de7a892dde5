import type { NextFunction, Request, Response } from 'express'

// The request URL the routes see is built from Host (or, behind a trusted proxy, X-Forwarded-Host
// and X-Forwarded-Proto); a value that is no host at all (`a b`, `evil.example:99999`, none on
// HTTP/1.0) or no scheme would make that URL throw and answer 500. It is a malformed request: 400,
// before anything else runs.

// reg-name or IPv4, or a bracketed IPv6 literal; then an optional port.
const HOST = /^(?:[a-z0-9._~!$&'()*+,;=-]|%[0-9a-f]{2})+$|^\[[0-9a-f:.]+\]$/i

/** A Host header value a URL can be built from: host[:port], port 1–65535. */
function isValidHost(value: string): boolean {
  const match = /^(.*?)(?::(\d{0,5}))?$/.exec(value)
  if (!match) return false
  const [, host = '', port] = match
  if (!HOST.test(host)) return false
  if (port !== undefined && (port === '' || Number(port) < 1 || Number(port) > 65535)) return false
  try {
    new URL(`http://${value}`)
    return true
  } catch {
    return false
  }
}

function refuse(res: Response, message: string) {
  res.status(400).set('Cache-Control', 'no-store').type('text/plain').send(message)
}

export function refuseInvalidHost(req: Request, res: Response, next: NextFunction) {
  const host = req.get('host')
  if (!host) return refuse(res, 'This request has no Host header.')
  if (!isValidHost(host)) return refuse(res, 'The Host header is not a valid host name and port.')
  // @react-router/express reads the forwarded port whenever the proxy setting is on.
  const forwarded = req.app.enabled('trust proxy') ? req.get('X-Forwarded-Host') : undefined
  if (forwarded && !forwarded.split(',').every((h) => isValidHost(h.trim()))) {
    return refuse(res, 'The X-Forwarded-Host header is not a valid host name and port.')
  }
  // req.protocol is X-Forwarded-Proto's first value when the client is a trusted proxy.
  if (req.protocol !== 'http' && req.protocol !== 'https') return refuse(res, 'The X-Forwarded-Proto header is neither http nor https.')
  next()
}

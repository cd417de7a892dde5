import type { NextFunction, Request, Response } from 'express'

// An answer sent before the request body was read (a 413 from the declared length, a 401, a
// refused file type) must not be followed by hanging up on a client that is still sending: its
// next write fails (EPIPE / connection reset) and most clients then report that instead of our
// answer. So, like nginx's lingering close, the rest of the body is read and thrown away, within
// limits; a client that keeps sending past them is cut off.

export const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024
const DISCARD_LIMIT_MS = 30_000

export function discardUnreadBody(req: Request, res: Response, next: NextFunction) {
  res.once('finish', () => discardRest(req))
  next()
}

function discardRest(req: Request) {
  if (req.complete || req.destroyed) return
  // React Router's body pump stops here: nobody reads that stream once the answer is out.
  req.removeAllListeners('data')
  let left = DISCARD_LIMIT_BYTES
  const cutOff = () => req.destroy()
  const timer = setTimeout(cutOff, DISCARD_LIMIT_MS).unref()
  req.on('data', (chunk: Buffer) => {
    left -= chunk.length
    if (left < 0) {
      clearTimeout(timer)
      cutOff()
    }
  })
  req.once('end', () => clearTimeout(timer))
  req.once('close', () => clearTimeout(timer))
  req.resume()
}

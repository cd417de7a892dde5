import type { NextFunction, Request, Response } from 'express'
import { bodyLimitFor, tooLargeMessage } from '~/lib/http/body-limits'

// A body whose declared length passes its address's cap is refused before any route runs (and
// before a byte of it is read; discard-unread-body drains it so the client reads the 413).
// Bodies sent without a length are counted as they are read (app/lib/http/read-body.ts).

export function refuseOversizedBody(req: Request, res: Response, next: NextFunction) {
  const declared = req.get('content-length')
  const limit = bodyLimitFor(req.path)
  if (declared === undefined || limit === null || Number(declared) <= limit) return next()
  // Read (and drop) from now on, so discard-unread-body counts what it drains against its limits;
  // a body nobody reads is otherwise dumped by Node uncounted until the connection closes.
  req.resume()
  res.status(413).set('Cache-Control', 'no-store').type('text/plain').send(tooLargeMessage(limit))
}

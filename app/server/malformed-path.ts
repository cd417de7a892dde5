import type { NextFunction, Request, Response } from 'express'

// Route params and search params reach database queries as text, and PostgreSQL refuses a NUL
// character in text (error 22021, which would answer 500). No address of the store holds one,
// nor a percent-escape that does not decode: such a request is malformed, 400.

function refuse(res: Response, message: string) {
  res.status(400).set('Cache-Control', 'no-store').type('text/plain').send(message)
}

export function refuseMalformedPath(req: Request, res: Response, next: NextFunction) {
  const url = req.originalUrl
  if (/%00/i.test(url) || url.includes('\0')) return refuse(res, 'This address contains a NUL character, which no page accepts.')
  try {
    decodeURIComponent(req.path)
  } catch {
    return refuse(res, 'This address contains a percent-escape that does not decode.')
  }
  next()
}

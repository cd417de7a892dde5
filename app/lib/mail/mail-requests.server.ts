import { queueResetLinkIfProducer } from '~/lib/auth/password-reset.server'
import { prisma } from '~/models/db.server'
import { takeMailRequest } from '~/models/mail-request.server'
import { queueOrderLinkIfBuyer } from './order-link.server'

// Turns "email a link to X" requests into mail, off the request path (the forms only record them,
// so their answer cannot tell a known address from an unknown one). Each request is taken and
// handled in one transaction: its mail is queued exactly once, or the request stays for the next
// run. A request for an unknown address is dropped.

/** Handles up to `max` waiting requests; returns how many it took. */
export async function handleMailRequests({ max = 50 }: { max?: number } = {}): Promise<number> {
  let taken = 0
  while (taken < max) {
    const took = await prisma.$transaction(async (tx) => {
      const request = await takeMailRequest(tx)
      if (!request) return false
      if (request.kind === 'order-link') await queueOrderLinkIfBuyer(tx, request.email, request.id)
      else if (request.kind === 'password-reset') await queueResetLinkIfProducer(tx, request.email)
      return true
    })
    if (!took) break
    taken++
  }
  return taken
}

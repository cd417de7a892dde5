// A payout worker in a process of its own, for a test to kill mid-transfer: it works the payouts of
// the order at argv[2] against the fake Stripe in the environment (which makes the transfer and
// never answers, so the worker waits there until it is killed).
import { processPayouts } from '~/lib/payouts/transfers.server'

await processPayouts({ orderId: process.argv[2]! })
process.exit(0)

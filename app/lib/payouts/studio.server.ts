import { z } from 'zod'
import { getEnv } from '~/lib/env.server'
import { ConflictError, NotFoundError } from '~/lib/errors'
import { deleteSplit, findProducerByEmail, listBeatsOfProducer, listSplitsOfProducer, upsertSplit } from '~/models/payouts/beat-split.server'
import { findPayoutAccount } from '~/models/payouts/payout-account.server'

// The studio's payouts page: the Connect state in words, and the producer's collaborator splits.

export type ConnectState = 'not-connected' | 'stand-in' | 'onboarding' | 'restricted' | 'enabled'

export async function getPayoutsPage(producerId: string) {
  const account = await findPayoutAccount(producerId)
  if (!account) throw new NotFoundError('No such producer.')
  const standInMode = getEnv().testMode.payments
  const state: ConnectState = !account.stripeAccountId || account.stripeStandIn !== standInMode
    ? 'not-connected'
    : account.stripeStandIn
      ? 'stand-in'
      : !account.stripeDetailsSubmitted
        ? 'onboarding'
        : account.stripePayoutsEnabled
          ? 'enabled'
          : 'restricted'
  const env = getEnv()
  return {
    state,
    standInMode,
    accountId: account.stripeAccountId,
    fee: { percent: env.PLATFORM_FEE_PERCENT, fixedCents: env.PLATFORM_FEE_FIXED_CENTS },
    currency: env.CURRENCY,
    beats: await listBeatsOfProducer(producerId),
    splits: (await listSplitsOfProducer(producerId)).map((s) => ({
      id: s.id,
      beatId: s.beat.id,
      beatTitle: s.beat.title,
      payee: s.payee?.displayName ?? s.payeeEmail,
      invited: !s.payee,
      percent: s.percent,
    })),
  }
}

export const splitSchema = z.object({
  beatId: z.uuid('Choose one of your beats.'),
  email: z.email('Enter the collaborator’s email address.').max(254).transform((v) => v.trim().toLowerCase()),
  percent: z.coerce
    .number({ error: 'Enter a whole percent from 1 to 100.' })
    .int('Enter a whole percent from 1 to 100.')
    .min(1, 'Enter a whole percent from 1 to 100.')
    .max(100, 'Enter a whole percent from 1 to 100.'),
})

/** Adds or changes a collaborator's part; the producer keeps what is left. */
export async function saveSplit(producer: { id: string; email: string }, input: z.output<typeof splitSchema>) {
  if (input.email === producer.email) throw new ConflictError('You keep what collaborators do not get; add other people here.')
  const payee = await findProducerByEmail(input.email)
  const result = await upsertSplit(producer.id, { beatId: input.beatId, payeeEmail: input.email, payeeProducerId: payee?.id ?? null, percent: input.percent })
  if (result === 'not-found') throw new NotFoundError('That beat is not one of yours.')
  if (result === 'over') throw new ConflictError('Collaborators on one beat can get at most 100 % together. Lower another part first.')
  return { invited: !payee }
}

export async function removeSplit(producerId: string, splitId: string) {
  if (!(await deleteSplit(producerId, splitId))) throw new NotFoundError('That split is gone already.')
}

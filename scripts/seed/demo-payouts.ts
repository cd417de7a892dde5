import { standInAccountId } from '~/lib/payouts/connect.server'
import { findBeatIdByTitle, upsertSplit } from '~/models/payouts/beat-split.server'
import { saveConnectAccount } from '~/models/payouts/payout-account.server'
import { DEMO_PRODUCERS, type DemoBeat } from './demo-catalog'

// Payouts in the demo: Nova is connected through the stand-in (test transfers, no Stripe), and
// Kilo co-produced Nova's "Night Drive" for 30 % of its share (Kilo connects from the studio).
export async function seedDemoPayouts(producerIds: Record<DemoBeat['producer'], string>): Promise<void> {
  await saveConnectAccount(producerIds.nova, { stripeAccountId: standInAccountId(producerIds.nova), standIn: true, detailsSubmitted: true, payoutsEnabled: true })
  const nightDrive = await findBeatIdByTitle(producerIds.nova, 'Night Drive')
  if (nightDrive)
    await upsertSplit(producerIds.nova, { beatId: nightDrive, payeeEmail: DEMO_PRODUCERS.kilo.email, payeeProducerId: producerIds.kilo, percent: 30 })
}

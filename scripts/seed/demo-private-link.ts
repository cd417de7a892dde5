import { createPrivateLink } from '~/lib/private-links/private-links.server'
import { listStudioBeats } from '~/models/studio-beat.server'

// The demo's private link: two of Nova's beats, Basic at $15 for one artist, open for 30 days, up
// to 3 purchases — so a newcomer finds it under Studio → Private links and can buy through it.

export async function seedDemoPrivateLink(producerId: string, now = new Date()) {
  const beats = (await listStudioBeats(producerId)).filter((b) => b.status === 'PUBLISHED').slice(0, 2)
  if (!beats.length) return null
  return createPrivateLink(
    producerId,
    {
      beatIds: beats.map((b) => b.id),
      expiresAt: new Date(now.getTime() + 30 * 24 * 3600_000),
      note: 'Two from the vault for your EP: Basic at $15 through this link only. Let me know what you write!',
      tierPrices: { BASIC: 1_500 },
      purchaseCap: 3,
    },
    now,
  )
}

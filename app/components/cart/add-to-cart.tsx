import type { TierId } from '~/lib/tiers'

// Placeholder until the cart lands (issue 3). The beat page and cards render these.
export function AddToCartButton(_props: { beatId: string; tier: TierId; beatTitle: string }) {
  return null
}

export function BuyNowButton(_props: { beatId: string; tier: TierId }) {
  return null
}

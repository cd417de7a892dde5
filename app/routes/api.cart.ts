import { z } from 'zod'
import type { Route } from './+types/api.cart'
import { decodeLine } from '~/lib/cart/lines'
import { priceCartLines } from '~/lib/orders/cart-view.server'

// GET /api/cart?l=<beatId>.<TIER>&l=…&u=<beatId>.<itemId>.<proof> — prices the browser's cart from
// the database (the cart in localStorage holds only ids and tiers, and for upgrade lines the
// license upgraded and its proof, `u`).

const QuerySchema = z.array(z.string().max(80)).max(200)

export async function loader({ request }: Route.LoaderArgs) {
  const raw = QuerySchema.safeParse(new URL(request.url).searchParams.getAll('l'))
  if (!raw.success) return Response.json({ error: 'Too many cart lines.' }, { status: 400 })
  const upgrades = z.array(z.string().max(300)).max(100).safeParse(new URL(request.url).searchParams.getAll('u'))
  if (!upgrades.success) return Response.json({ error: 'Too many upgrade lines.' }, { status: 400 })
  const byBeat = new Map(
    upgrades.data.map((u) => {
      const [beatId, itemId, ...proof] = u.split('.')
      return [beatId, { itemId: itemId ?? '', proof: proof.join('.') }] as const
    }),
  )
  const result = await priceCartLines(raw.data.map(decodeLine).map((l) => ({ ...l, ...(byBeat.has(l.beatId) ? { upgrade: byBeat.get(l.beatId)! } : {}) })))
  return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
}

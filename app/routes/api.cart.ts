import { z } from 'zod'
import type { Route } from './+types/api.cart'
import { decodeLine } from '~/lib/cart/lines'
import { priceCartLines } from '~/lib/orders/cart-view.server'

// GET /api/cart?l=<beatId>.<TIER>&l=… — prices the browser's cart from the database (the cart in
// localStorage holds only ids and tiers).

const QuerySchema = z.array(z.string().max(80)).max(200)

export async function loader({ request }: Route.LoaderArgs) {
  const raw = QuerySchema.safeParse(new URL(request.url).searchParams.getAll('l'))
  if (!raw.success) return Response.json({ error: 'Too many cart lines.' }, { status: 400 })
  const result = await priceCartLines(raw.data.map(decodeLine))
  return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
}

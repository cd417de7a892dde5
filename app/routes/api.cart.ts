import { z } from 'zod'
import type { Route } from './+types/api.cart'
import { decodeLine } from '~/lib/cart/lines'
import { priceCartLines } from '~/lib/orders/cart-view.server'

// GET /api/cart?l=<beatId>.<TIER>&l=…[&code=SPRING10] — prices the browser's cart from the database (the cart in
// localStorage holds only ids and tiers).

const QuerySchema = z.array(z.string().max(80)).max(200)
const CodeSchema = z.string().max(40).optional()

export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams
  const raw = QuerySchema.safeParse(params.getAll('l'))
  if (!raw.success) return Response.json({ error: 'Too many cart lines.' }, { status: 400 })
  const code = CodeSchema.safeParse(params.get('code') ?? undefined)
  if (!code.success) return Response.json({ error: 'That code is too long.' }, { status: 400 })
  const result = await priceCartLines(raw.data.map(decodeLine), code.data ?? null)
  return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
}

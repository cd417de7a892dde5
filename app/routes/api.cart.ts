import { z } from 'zod'
import type { Route } from './+types/api.cart'
import { decodeLine } from '~/lib/cart/lines'
import { priceCartLines } from '~/lib/orders/cart-view.server'

// GET /api/cart?l=<beatId>.<TIER>&l=…&u=<beatId>.<itemId>.<proof>[&code=SPRING10] — prices the
// browser's cart from the database (the cart in localStorage holds only ids and tiers, for upgrade
// lines the license upgraded and its proof, `u`, and the code the buyer typed).

const QuerySchema = z.array(z.string().max(80)).max(200)
const UpgradesSchema = z.array(z.string().max(300)).max(100)
const CodeSchema = z.string().max(40).optional()

export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams
  const raw = QuerySchema.safeParse(params.getAll('l'))
  if (!raw.success) return Response.json({ error: 'Too many cart lines.' }, { status: 400 })
  const upgrades = UpgradesSchema.safeParse(params.getAll('u'))
  if (!upgrades.success) return Response.json({ error: 'Too many upgrade lines.' }, { status: 400 })
  const code = CodeSchema.safeParse(params.get('code') ?? undefined)
  if (!code.success) return Response.json({ error: 'That code is too long.' }, { status: 400 })
  const byBeat = new Map(
    upgrades.data.map((u) => {
      const [beatId, itemId, ...proof] = u.split('.')
      return [beatId, { itemId: itemId ?? '', proof: proof.join('.') }] as const
    }),
  )
  const lines = raw.data.map(decodeLine).map((l) => ({ ...l, ...(byBeat.has(l.beatId) ? { upgrade: byBeat.get(l.beatId)! } : {}) }))
  const result = await priceCartLines(lines, code.data ?? null)
  return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
}

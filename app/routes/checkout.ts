import { data, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/checkout'
import { CartLinesSchema } from '~/lib/cart/schema'
import { CheckoutRefused, PaymentProviderError, startCheckout } from '~/lib/orders/checkout.server'

// POST /checkout — the cart page and "Buy now" both submit here (lines as JSON). Prices in the
// submission, if any, are ignored: startCheckout re-prices from the database.

export interface CheckoutProblem {
  message: string
  lines: { index: number; beatId: string; message: string }[]
}

const FormSchema = z.object({
  lines: z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The cart could not be read. Reload the page and try again.' })
      return z.NEVER
    }
  }),
  email: z.preprocess((v) => (v === '' ? undefined : v), z.email('Enter a valid email address.').optional()),
})

export async function action({ request }: Route.ActionArgs) {
  const form = FormSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!form.success) return problem(400, form.error.issues[0]?.message ?? 'Invalid checkout request.')
  const lines = CartLinesSchema.safeParse(form.data.lines)
  if (!lines.success) {
    const perLine = lines.error.issues
      .filter((i) => typeof i.path[0] === 'number')
      .map((i) => ({ index: i.path[0] as number, beatId: lineBeatId(form.data.lines, i.path[0] as number), message: i.message }))
    const message = lines.error.issues.find((i) => i.path.length === 0)?.message ?? 'Some cart lines are not valid.'
    return problem(400, message, perLine)
  }
  try {
    const { url } = await startCheckout(lines.data, form.data.email ?? null)
    return redirect(url)
  } catch (error) {
    if (error instanceof CheckoutRefused)
      return problem(
        422,
        'Some beats in your cart can no longer be bought. Remove them to continue.',
        error.problems.map((p) => ({ index: p.index, beatId: p.beatId, message: p.message })),
      )
    if (error instanceof PaymentProviderError) return problem(502, error.message)
    throw error
  }
}

function lineBeatId(lines: unknown, index: number): string {
  const line = Array.isArray(lines) ? (lines[index] as { beatId?: unknown } | undefined) : undefined
  return typeof line?.beatId === 'string' ? line.beatId : ''
}

function problem(status: number, message: string, lines: CheckoutProblem['lines'] = []) {
  return data<{ problem: CheckoutProblem }>({ problem: { message, lines } }, { status })
}

export function loader() {
  return redirect('/cart')
}

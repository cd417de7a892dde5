import { data, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/checkout'
import { CartLinesSchema } from '~/lib/cart/schema'
import { DomainError } from '~/lib/errors'
import { formError, type FormErrors } from '~/lib/form'
import { formFailure } from '~/lib/http/errors'
import { CheckoutRefused, PaymentProviderError, startCheckout } from '~/lib/orders/checkout.server'
import { readForm } from '~/lib/http/read-body'
import { CodeRefused } from '~/lib/orders/discounts.server'

// POST /checkout — the cart page and "Buy now" both submit here (lines as JSON). Prices in the
// submission, if any, are ignored: startCheckout re-prices from the database. A refusal answers
// the shared form-error shape: a message for the cart, and one per line keyed `lines.<beatId>`.

export type CheckoutAnswer = { errors: FormErrors }

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
  code: z.string().max(40, 'That code is too long.').optional(),
})

export async function action({ request }: Route.ActionArgs) {
  const form = FormSchema.safeParse(Object.fromEntries(await readForm(request)))
  if (!form.success) return refused(400, form.error.issues[0]?.message ?? 'Invalid checkout request.')
  const lines = CartLinesSchema.safeParse(form.data.lines)
  if (!lines.success) {
    const perLine = lines.error.issues
      .filter((i) => typeof i.path[0] === 'number')
      .map((i) => ({ beatId: lineBeatId(form.data.lines, i.path[0] as number), message: i.message }))
    const message = lines.error.issues.find((i) => i.path.length === 0)?.message ?? 'Some cart lines are not valid.'
    return refused(400, message, perLine)
  }
  try {
    const { url } = await startCheckout(lines.data, form.data.email ?? null, form.data.code ?? null)
    return redirect(url)
  } catch (error) {
    if (error instanceof CheckoutRefused)
      return refused(422, 'Some beats in your cart can no longer be bought. Remove them to continue.', error.problems)
    if (error instanceof PaymentProviderError) return refused(502, error.message)
    if (error instanceof CodeRefused) {
      const answer = refused(422, error.message)
      answer.data.errors.fieldErrors.code = [error.message]
      return answer
    }
    // e.g. a total above what one payment can take: a sentence for the cart.
    if (error instanceof DomainError) return formFailure(error, {})
    throw error
  }
}

function lineBeatId(lines: unknown, index: number): string {
  const line = Array.isArray(lines) ? (lines[index] as { beatId?: unknown } | undefined) : undefined
  return typeof line?.beatId === 'string' ? line.beatId : ''
}

function refused(status: number, message: string, lines: { beatId: string; message: string }[] = []) {
  const errors = formError(message)
  for (const line of lines) (errors.fieldErrors[`lines.${line.beatId}`] ??= []).push(line.message)
  return data<CheckoutAnswer>({ errors }, { status })
}

export function loader() {
  return redirect('/cart')
}

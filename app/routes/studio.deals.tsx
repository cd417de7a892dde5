import { data } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/studio.deals'
import { CodeForm, DealForm, DiscountList } from '~/components/studio/deal-forms'
import { requireProducer } from '~/lib/auth/session.server'
import { codeFormSchema, dealFormSchema } from '~/lib/discounts/forms'
import { createCode, createProducerDeal, endCode, endProducerDeal, studioDiscounts } from '~/lib/discounts/manage.server'
import { getEnv } from '~/lib/env.server'
import { NO_ERRORS, parseForm, type FormErrors } from '~/lib/form'
import { formFailure, invariantResponse } from '~/lib/http/errors'
import { readForm } from '~/lib/http/read-body'

// The producer's bulk deals and codes: create with a date window, end any time. Pricing applies
// them (app/lib/pricing); this page only keeps the list.

export const meta: Route.MetaFunction = () => [{ title: 'Deals and codes · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  return studioDiscounts(producer.id, new Date(), getEnv().CURRENCY)
}

const Intent = z.enum(['create-deal', 'end-deal', 'create-code', 'end-code'])
type Answer = { intent: z.infer<typeof Intent>; errors: FormErrors; done: string | null }

export async function action({ request }: Route.ActionArgs) {
  const producer = await requireProducer(request)
  const form = await readForm(request)
  const intent = Intent.safeParse(form.get('intent'))
  invariantResponse(intent.success, 'Unknown action.')
  const answer = (done: string | null, errors = NO_ERRORS): Answer => ({ intent: intent.data, errors, done })
  try {
    switch (intent.data) {
      case 'create-deal': {
        const parsed = parseForm(form, dealFormSchema())
        if (!parsed.ok) return data(answer(null, parsed.errors), { status: 400 })
        await createProducerDeal(producer.id, parsed.data)
        return answer('Deal created.')
      }
      case 'create-code': {
        const parsed = parseForm(form, codeFormSchema())
        if (!parsed.ok) return data(answer(null, parsed.errors), { status: 400 })
        const code = await createCode(producer.id, parsed.data)
        return answer(`Code ${code.code} created.`)
      }
      case 'end-deal':
      case 'end-code': {
        const id = z.uuid().safeParse(form.get('id'))
        invariantResponse(id.success, 'Which one? The form did not say.')
        if (intent.data === 'end-deal') await endProducerDeal(producer.id, id.data)
        else await endCode(producer.id, id.data)
        return answer(intent.data === 'end-deal' ? 'Deal ended.' : 'Code ended.')
      }
    }
  } catch (error) {
    return formFailure(error, answer(null))
  }
}

export default function Deals({ loaderData, actionData }: Route.ComponentProps) {
  const { deals, codes, beats } = loaderData
  const errorsFor = (intent: Answer['intent']) => (actionData?.intent === intent ? actionData.errors : undefined)
  const doneFor = (intent: Answer['intent']) => (actionData?.intent === intent ? actionData.done : null)
  return (
    <section aria-labelledby="deals-title" className="space-y-8">
      <div>
        <h1 id="deals-title" className="text-2xl font-bold sm:text-3xl">
          Deals and codes
        </h1>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          Bulk deals apply by themselves to your beats in a buyer&apos;s cart. Codes apply when a buyer types them, to your
          beats only. Exclusive licenses are never discounted unless you tick the box.
        </p>
      </div>
      <div className="grid gap-8 lg:grid-cols-2">
        <div className="space-y-4">
          <h2 className="text-lg font-semibold">Bulk deals</h2>
          <DiscountList
            kind="deal"
            items={deals.map((d) => ({ ...d, detail: d.includeExclusive ? 'Exclusive included' : null }))}
            notice={doneFor('end-deal')}
            errors={errorsFor('end-deal')}
          />
          <DealForm errors={errorsFor('create-deal')} done={doneFor('create-deal')} />
        </div>
        <div className="space-y-4">
          <h2 className="text-lg font-semibold">Codes</h2>
          <DiscountList
            kind="code"
            items={codes.map((c) => ({
              ...c,
              title: `${c.code} · ${c.amount}`,
              detail: [`${c.uses}${c.maxUses ? ` of ${c.maxUses}` : ''} used`, ...c.rules].join(' · '),
            }))}
            notice={doneFor('end-code')}
            errors={errorsFor('end-code')}
          />
          <CodeForm beats={beats} errors={errorsFor('create-code')} done={doneFor('create-code')} />
        </div>
      </div>
    </section>
  )
}

import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import * as contracts from '~/routes/studio.contracts'
import { defaultTemplateFor } from '~/lib/contracts/defaults'
import { formRequest, getRequest, makeSignedInProducer } from '../factories-studio'
import { routeArgs, run } from '../utils/route'

// The studio's contracts page: each tier's template with its preview values; saving refuses
// unknown variables and hand placeholders with a sentence naming them.

describe('/studio/contracts', () => {
  it('shows the default text per tier with preview values from the producer’s settings', async () => {
    const me = await makeSignedInProducer()
    const page = await run(() => contracts.loader(routeArgs(getRequest('/studio/contracts?tier=TRACKOUT', me.cookie))))
    expect(page.status).toBe(200)
    const d = page.data as Awaited<ReturnType<typeof contracts.loader>>
    expect(d.tier).toBe('TRACKOUT')
    const trackout = d.tiers.find((t) => t.tier === 'TRACKOUT')!
    expect(trackout).toMatchObject({ isDefault: true, body: defaultTemplateFor('TRACKOUT') })
    expect(trackout.preview).toMatchObject({ tier: 'Trackout', price_paid: '$100.00', distribution_copies: '10,000', radio: 'allowed' })
  })

  it('refuses a template with an unknown variable or a placeholder, naming them, and saves a good one', async () => {
    const me = await makeSignedInProducer()
    const post = (fields: Record<string, string>) => run(() => contracts.action(routeArgs(formRequest('/studio/contracts', fields, { cookie: me.cookie }))))
    const bad = await post({ intent: 'template', tier: 'BASIC', body: 'License for {{beat_name}} to BUYER NAME.' })
    expect(bad.status).toBe(400)
    const message = (bad.data as { errors: { formError: string } }).errors.formError
    expect(message).toContain('{{beat_name}} (did you mean {{beat_title}}?)')
    expect(message).toContain('“BUYER NAME”')
    expect(await prisma.contractTemplate.count({ where: { producerId: me.id } })).toBe(0)

    const good = await post({ intent: 'template', tier: 'BASIC', body: 'License for {{beat_title}} to {{buyer_name}}.' })
    expect(good.status).toBe(200)
    expect(await prisma.contractTemplate.findFirstOrThrow({ where: { producerId: me.id }, select: { tier: true, body: true } })).toEqual({
      tier: 'BASIC',
      body: 'License for {{beat_title}} to {{buyer_name}}.',
    })
    expect((await post({ intent: 'restore', tier: 'BASIC' })).status).toBe(200)
    expect(await prisma.contractTemplate.count({ where: { producerId: me.id } })).toBe(0)
  })

  it('validates settings and unknown intents and tiers with sentences, never a 500', async () => {
    const me = await makeSignedInProducer()
    const post = (fields: Record<string, string>) => run(() => contracts.action(routeArgs(formRequest('/studio/contracts', fields, { cookie: me.cookie }))))
    const bad = await post({ intent: 'settings', territory: '', governingLaw: 'x', termYears: 'ten', publishingPercent: '120' })
    expect(bad.status).toBe(400)
    expect((bad.data as { errors: { fieldErrors: Record<string, string[]> } }).errors.fieldErrors).toMatchObject({
      territory: ['Territory is required.'],
      termYears: [expect.stringMatching(/whole number of years/)],
      publishingPercent: ['Your publishing share: from 0 to 100.'],
    })
    const ok = await post({ intent: 'settings', legalName: 'Nora Valdez', territory: 'worldwide', governingLaw: 'the State of New York', termYears: '5', publishingPercent: '50', creditLine: '' })
    expect(ok.status).toBe(200)
    expect(await prisma.producerContractSettings.findUniqueOrThrow({ where: { producerId: me.id }, select: { legalName: true, termYears: true, creditLine: true } })).toEqual({ legalName: 'Nora Valdez', termYears: 5, creditLine: null })
    for (const fields of [{ intent: 'steal' } as Record<string, string>, { intent: 'template', tier: 'PLATINUM', body: 'x {{beat_title}}' }]) {
      const res = await post(fields)
      expect(res.status).toBe(400)
      expect((res.data as { errors: { formError: string } }).errors.formError).toMatch(/Unknown action|Choose one of the license tiers/)
    }
  })
})

import { describe, expect, it } from 'vitest'
import { prisma } from '~/models/db.server'
import type { FormErrors } from '~/lib/form'
import * as beatPage from '~/routes/studio.beats.$id'
import * as newBeat from '~/routes/studio.beats.new'
import { makeBeat } from '../factories'
import { formRequest, makeOrderLine, makeSignedInProducer } from '../factories-studio'
import { routeArgs, run } from '../utils/route'

const valid = { title: 'Night Drive', bpm: '140', musicalKey: 'A minor', genre: 'Trap', mood: 'Dark', tags: 'dark, 808', description: 'Moody.' }

async function create(cookie: string, fields: Record<string, string>) {
  return run(() => newBeat.action(routeArgs(formRequest('/studio/beats/new', fields, { cookie }))))
}

function post(cookie: string, id: string, fields: Record<string, string>, origin?: string) {
  return run(() => beatPage.action(routeArgs(formRequest(`/studio/beats/${id}`, fields, { cookie, origin }), { id })))
}

const prices = (over: Record<string, string> = {}) => ({
  intent: 'tiers',
  'BASIC.enabled': 'on',
  'BASIC.price': '25.00',
  'TRACKOUT.enabled': 'on',
  'TRACKOUT.price': '100',
  'UNLIMITED.enabled': 'on',
  'UNLIMITED.price': '250',
  ...over,
})

describe('creating a beat', () => {
  it('creates a private draft with default tiers and derived search fields', async () => {
    const p = await makeSignedInProducer()
    const res = await create(p.cookie, valid)
    expect(res.status).toBe(302)
    const id = res.location!.split('/').pop()!
    const beat = await prisma.beat.findUniqueOrThrow({
      where: { id },
      select: { producerId: true, status: true, slug: true, tags: true, searchText: true, minPriceCents: true, tiers: true },
    })
    expect(beat).toMatchObject({ producerId: p.id, status: 'DRAFT', slug: 'night-drive', tags: ['dark', '808'], minPriceCents: 2500 })
    expect(beat.searchText).toContain('night drive')
    expect(beat.tiers).toHaveLength(4)
  })

  it.each([
    ['empty title', 'title', { title: '' }, /title/],
    ['101-char title', 'title', { title: 'x'.repeat(101) }, /under 101/],
    ['BPM 0', 'bpm', { bpm: '0' }, /40 and 300/],
    ['BPM 39', 'bpm', { bpm: '39' }, /40 and 300/],
    ['BPM 301', 'bpm', { bpm: '301' }, /40 and 300/],
    ['BPM 120.5', 'bpm', { bpm: '120.5' }, /whole number/],
    ['BPM text', 'bpm', { bpm: 'fast' }, /40 and 300/],
    ['unknown key', 'musicalKey', { musicalKey: 'H major' }, /key from the list/],
    ['unknown genre', 'genre', { genre: '<script>' }, /genre/],
    ['unknown mood', 'mood', { mood: 'Angsty' }, /mood/],
    ['16 tags', 'tags', { tags: Array.from({ length: 16 }, (_, i) => `t${i}`).join(',') }, /at most 15/],
    ['a 5,000-tag list', 'tags', { tags: Array.from({ length: 5000 }, (_, i) => `t${i}`).join(',') }, /at most 15/],
    ['a 31-char tag', 'tags', { tags: 'ok, ' + 'y'.repeat(31) }, /under 31/],
    ['2001-char description', 'description', { description: 'd'.repeat(2001) }, /under 2001/],
  ])('refuses %s with a 400 and a message', async (_label, field, over, message) => {
    const p = await makeSignedInProducer()
    const res = await create(p.cookie, { ...valid, ...over })
    expect(res.status).toBe(400)
    const errors = (res.data as { errors: FormErrors }).errors.fieldErrors
    const text = (errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(field))?.[1])?.[0]
    expect(text).toMatch(message)
    expect(await prisma.beat.count({ where: { producerId: p.id } })).toBe(0)
  })

  it('keeps HTML in a title as plain text and de-duplicates tags', async () => {
    const p = await makeSignedInProducer()
    const res = await create(p.cookie, { ...valid, title: '<img src=x onerror=alert(1)>', tags: 'Dark, dark ,DARK,, trap' })
    const beat = await prisma.beat.findFirstOrThrow({ where: { producerId: p.id }, select: { title: true, tags: true, slug: true } })
    expect(res.status).toBe(302)
    expect(beat.title).toBe('<img src=x onerror=alert(1)>')
    expect(beat.slug).toBe('img-src-x-onerror-alert-1')
    expect(beat.tags).toEqual(['dark', 'trap'])
  })
})

describe('editing a beat', () => {
  it('follows the title with the slug only until the beat is first published', async () => {
    const p = await makeSignedInProducer()
    const { id } = await makeBeat({ producerId: p.id, title: 'First Name', status: 'DRAFT' })
    expect((await post(p.cookie, id, { intent: 'details', ...valid, title: 'Second Name' })).status).toBe(200)
    expect((await prisma.beat.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug).toBe('second-name')
    expect((await post(p.cookie, id, { intent: 'publish' })).status).toBe(200)
    await post(p.cookie, id, { intent: 'details', ...valid, title: 'Third Name' })
    const after = await prisma.beat.findUniqueOrThrow({ where: { id }, select: { slug: true, title: true, searchText: true } })
    expect(after).toMatchObject({ slug: 'second-name', title: 'Third Name' })
    expect(after.searchText).toContain('third name')
  })

  it('keeps slugs unique', async () => {
    const p = await makeSignedInProducer()
    await create(p.cookie, valid)
    await create(p.cookie, valid)
    const slugs = (await prisma.beat.findMany({ where: { producerId: p.id }, select: { slug: true } })).map((b) => b.slug)
    expect(new Set(slugs).size).toBe(2)
    for (const slug of slugs) expect(slug).toMatch(/^night-drive(-\d+)?$/)
  })

  it('saves tier prices as integer cents and refreshes the cheapest price', async () => {
    const p = await makeSignedInProducer()
    const { id } = await makeBeat({ producerId: p.id, status: 'DRAFT' })
    const res = await post(p.cookie, id, prices({ 'BASIC.enabled': '', 'BASIC.price': '19.99', 'TRACKOUT.price': '$1,000.5' }))
    expect(res.status).toBe(200)
    const tiers = await prisma.beatTier.findMany({ where: { beatId: id }, orderBy: { priceCents: 'asc' }, select: { tier: true, priceCents: true, enabled: true } })
    expect(tiers).toEqual([
      { tier: 'BASIC', priceCents: 1999, enabled: false },
      { tier: 'UNLIMITED', priceCents: 25000, enabled: true },
      { tier: 'TRACKOUT', priceCents: 100050, enabled: true },
      // Exclusive is opt-in: a form without it leaves it off at its default price.
      { tier: 'EXCLUSIVE', priceCents: 150000, enabled: false },
    ])
    expect((await prisma.beat.findUniqueOrThrow({ where: { id }, select: { minPriceCents: true } })).minPriceCents).toBe(25000)
  })

  it.each(['-5', '0', '0.99', '10000.01', '1e5', 'abc', '12.345', '', '99999999'])('refuses the price %j', async (price) => {
    const p = await makeSignedInProducer()
    const { id } = await makeBeat({ producerId: p.id, status: 'DRAFT' })
    const res = await post(p.cookie, id, prices({ 'TRACKOUT.price': price }))
    expect(res.status).toBe(400)
    expect((res.data as { errors: FormErrors }).errors.fieldErrors['TRACKOUT.price']?.[0]).toMatch(/between \$1\.00 and \$10,000\.00/)
    const t = await prisma.beatTier.findUniqueOrThrow({ where: { beatId_tier: { beatId: id, tier: 'TRACKOUT' } }, select: { priceCents: true } })
    expect(t.priceCents).toBe(10000)
  })

  it('answers 400 to an unknown intent', async () => {
    const p = await makeSignedInProducer()
    const { id } = await makeBeat({ producerId: p.id, status: 'DRAFT' })
    expect((await post(p.cookie, id, { intent: 'explode' })).status).toBe(400)
    expect((await post(p.cookie, id, {})).status).toBe(400)
    // Cross-site posts never reach the action: the HTTP server refuses them first
    // (studio-uploads-http.test.ts, "cross-site posts").
    expect((await prisma.beat.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe('DRAFT')
  })
})

describe('publishing rules', () => {
  it('refuses to publish without the preview and the files the enabled tiers deliver', async () => {
    const p = await makeSignedInProducer()
    const { id } = await makeBeat({ producerId: p.id, status: 'DRAFT', withFiles: false })
    const res = await post(p.cookie, id, { intent: 'publish' })
    expect(res.status).toBe(409)
    const message = (res.data as { errors: FormErrors }).errors.formError
    expect(message).toMatch(/preview/)
    expect(message).toMatch(/WAV/)
    expect(message).toMatch(/Stems/)
    expect((await prisma.beat.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe('DRAFT')
  })

  it('lets a Basic-only beat go live with just the preview and the MP3 (no cover needed)', async () => {
    const p = await makeSignedInProducer()
    const { id } = await makeBeat({ producerId: p.id, status: 'DRAFT', withFiles: false })
    for (const kind of ['PREVIEW', 'MP3'] as const) {
      await prisma.beatFile.create({ data: { beatId: id, kind, storageKey: `beats/${id}/${kind}.mp3`, contentType: 'audio/mpeg', bytes: 10, sha256: 'x' } })
    }
    await post(p.cookie, id, prices({ 'TRACKOUT.enabled': '', 'UNLIMITED.enabled': '' }))
    expect((await post(p.cookie, id, { intent: 'publish' })).status).toBe(200)
    const beat = await prisma.beat.findUniqueOrThrow({ where: { id }, select: { status: true, publishedAt: true } })
    expect(beat.status).toBe('PUBLISHED')
    expect(beat.publishedAt).toBeInstanceOf(Date)
    // Now live: enabling Trackout (whose WAV is missing) or disabling every tier is refused.
    expect((await post(p.cookie, id, prices({ 'UNLIMITED.enabled': '' }))).status).toBe(409)
    expect((await post(p.cookie, id, prices({ 'BASIC.enabled': '', 'TRACKOUT.enabled': '', 'UNLIMITED.enabled': '' }))).status).toBe(409)
  })

  it('unpublishes, archives and restores', async () => {
    const p = await makeSignedInProducer()
    const { id } = await makeBeat({ producerId: p.id })
    const status = async () => (await prisma.beat.findUniqueOrThrow({ where: { id }, select: { status: true } })).status
    await post(p.cookie, id, { intent: 'unpublish' })
    expect(await status()).toBe('DRAFT')
    await post(p.cookie, id, { intent: 'archive' })
    expect(await status()).toBe('ARCHIVED')
    await post(p.cookie, id, { intent: 'restore' })
    expect(await status()).toBe('DRAFT')
  })

  it('never deletes a beat with sales (archive instead), but deletes an unsold draft', async () => {
    const p = await makeSignedInProducer()
    const sold = await makeBeat({ producerId: p.id })
    await makeOrderLine({ beatId: sold.id, producerId: p.id })
    await post(p.cookie, sold.id, { intent: 'archive' })
    const refused = await post(p.cookie, sold.id, { intent: 'delete' })
    expect(refused.status).toBe(409)
    expect((refused.data as { errors: FormErrors }).errors.formError).toMatch(/Archive it instead/)
    expect(await prisma.beat.count({ where: { id: sold.id } })).toBe(1)

    const draft = await makeBeat({ producerId: p.id, status: 'DRAFT', withFiles: false })
    const deleted = await post(p.cookie, draft.id, { intent: 'delete' })
    expect(deleted.status).toBe(302)
    expect(await prisma.beat.count({ where: { id: draft.id } })).toBe(0)
  })
})

describe('removing files', () => {
  it('removes a draft beat’s file, but keeps the files of a live beat (only its cover may go)', async () => {
    const p = await makeSignedInProducer()
    const draft = await makeBeat({ producerId: p.id, status: 'DRAFT' })
    expect((await post(p.cookie, draft.id, { intent: 'remove-file', kind: 'wav' })).status).toBe(200)
    expect(await prisma.beatFile.count({ where: { beatId: draft.id, kind: 'WAV' } })).toBe(0)

    const live = await makeBeat({ producerId: p.id })
    await prisma.beatFile.create({ data: { beatId: live.id, kind: 'COVER', storageKey: `beats/${live.id}/cover.png`, contentType: 'image/png', bytes: 1, sha256: 'x' } })
    const refused = await post(p.cookie, live.id, { intent: 'remove-file', kind: 'wav' })
    expect(refused.status).toBe(409)
    expect(await prisma.beatFile.count({ where: { beatId: live.id, kind: 'WAV' } })).toBe(1)
    expect((await post(p.cookie, live.id, { intent: 'remove-file', kind: 'cover' })).status).toBe(200)
    expect(await prisma.beatFile.count({ where: { beatId: live.id, kind: 'COVER' } })).toBe(0)
    expect((await post(p.cookie, live.id, { intent: 'remove-file', kind: 'nonsense' })).status).toBe(400)
  })
})

import { describe, expect, it } from 'vitest'
import { loader as catalogLoader } from '~/routes/_index'
import { loader as beatLoader } from '~/routes/beats.$slug'
import { loader as producerLoader } from '~/routes/producers.$slug'
import { makeBeat, makeProducer } from '../factories'
import { callRoute, routeArgs } from '../utils/route'

// Loaders called the way React Router calls them: bad slugs are 404 responses, junk query strings
// still render a catalog.

const get = (url: string) => new Request(`http://store.test${url}`)

describe('beat page loader', () => {
  it('404s for an unknown slug, a draft and an archived beat', async () => {
    const draft = await makeBeat({ status: 'DRAFT' })
    const archived = await makeBeat({ status: 'ARCHIVED' })
    for (const slug of ['no-such-beat', draft.slug, archived.slug]) {
      expect((await callRoute(beatLoader, get(`/beats/${slug}`), { slug })).status).toBe(404)
    }
  })

  it('picks the tier from the URL, falling back to the cheapest enabled one', async () => {
    const beat = await makeBeat({ tiers: { BASIC: { priceCents: 2500, enabled: false } } })
    const load = (qs: string) => beatLoader(routeArgs(get(`/beats/${beat.slug}${qs}`), { slug: beat.slug }))
    expect((await load('?tier=UNLIMITED')).selected).toBe('UNLIMITED')
    expect((await load('?tier=BASIC')).selected).toBe('TRACKOUT') // switched off
    expect((await load('?tier=bogus')).selected).toBe('TRACKOUT')
    const data = await load('')
    expect(data.options.map((o) => o.tier)).toEqual(['TRACKOUT', 'UNLIMITED'])
    expect(data.options[0]!.terms).toContain('10,000 distribution copies')
    expect(data.options[0]!.files).toEqual(['MP3', 'WAV', 'STEMS'])
  })
})

describe('producer page loader', () => {
  it('404s for an unknown producer and lists only published beats', async () => {
    expect((await callRoute(producerLoader, get('/producers/nobody'), { slug: 'nobody' })).status).toBe(404)
    const producer = await makeProducer({ displayName: 'Loader Test' })
    await makeBeat({ producerId: producer.id, title: 'Shown Beat' })
    await makeBeat({ producerId: producer.id, title: 'Hidden Draft', status: 'DRAFT' })
    const data = await producerLoader(routeArgs(get(`/producers/${producer.slug}`), { slug: producer.slug }))
    expect(data.beats.map((b) => b.title)).toEqual(['Shown Beat'])
  })
})

describe('catalog loader', () => {
  it('renders with nonsense in the query string', async () => {
    const data = await catalogLoader(routeArgs(get(`/?bpmMin=abc&bpmMax=-1&page=-3&sort=%27;drop&q=${'a'.repeat(10_000)}`)))
    expect(data.params.page).toBe(1)
    expect(data.params.bpmMin).toBeNull()
    expect(data.params.bpmMax).toBe(40)
    expect(data.params.sort).toBe('newest')
    expect(data.params.q).toHaveLength(80)
    expect(data.result.beats).toEqual([])
  })
})

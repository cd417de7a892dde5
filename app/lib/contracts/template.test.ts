import { describe, expect, it } from 'vitest'
import { checkTemplate, contractBlocks, renderTemplate } from './template'
import { DEFAULT_TEMPLATES, defaultTemplateFor } from './defaults'
import { CONTRACT_VARIABLES, SAMPLE_VALUES } from './variables'
import { TIER_IDS } from '~/lib/tiers'

describe('checkTemplate', () => {
  it('accepts known variables, with or without spaces inside the braces', () => {
    const check = checkTemplate('"{{beat_title}}" by {{ producer_name }}, licensed to {{buyer_name}}.')
    expect(check).toEqual({ ok: true, problems: [], used: ['beat_title', 'producer_name', 'buyer_name'] })
  })

  it('refuses an unknown variable, naming it and suggesting the close one', () => {
    const check = checkTemplate('Beat: {{beat_name}}. Artist: {{artist}}.')
    expect(check.ok).toBe(false)
    expect(check.problems).toEqual([
      'These variables do not exist: {{beat_name}} (did you mean {{beat_title}}?), {{artist}}. Use the variables listed beside the editor.',
    ])
  })

  it('refuses placeholders left to be typed over by hand (the Airbit "BEAT NAME" contract)', () => {
    const check = checkTemplate('This license for BEAT NAME is granted to [Licensee] on ____ under <STATE> law, dated DD/MM/YYYY. Price: XXX.')
    expect(check.ok).toBe(false)
    expect(check.problems).toHaveLength(1)
    for (const shown of ['“BEAT NAME”', '“[Licensee]”', '“____”', '“<STATE>”', '“DD/MM/YYYY”', '“XXX”'])
      expect(check.problems[0]).toContain(shown)
  })

  it('refuses unfinished variables', () => {
    const check = checkTemplate('For {{beat_title} and {producer_name}.')
    expect(check.ok).toBe(false)
    expect(check.problems.join(' ')).toMatch(/Unfinished variables .*\{\{beat_title\}.*\{producer_name\}/)
  })

  it('refuses an empty template', () => {
    expect(checkTemplate('  \n ').problems).toEqual(['The contract is empty: write its text or restore the default.'])
  })

  it('does not mistake ordinary capitals and headings for placeholders', () => {
    expect(checkTemplate('# GRANT OF RIGHTS\nThe NAME of the song is up to the Licensee. USA law.').ok).toBe(true)
  })
})

describe('renderTemplate', () => {
  it('fills each variable literally, once', () => {
    expect(renderTemplate('{{beat_title}} / {{beat_title}} / {{producer_name}}', { beat_title: 'A {{b}} $1', producer_name: 'Nova' })).toBe(
      'A {{b}} $1 / A {{b}} $1 / Nova',
    )
  })

  it('throws rather than print a blank where a value belongs', () => {
    expect(() => renderTemplate('To {{buyer_name}}', { buyer_name: '  ' })).toThrow(/missing: buyer_name/)
  })

  it('refuses to render a template that would not save', () => {
    expect(() => renderTemplate('For BEAT NAME', {})).toThrow(/BEAT NAME/)
  })
})

describe('the default templates', () => {
  it('exist for every tier and for Exclusive, and pass the save check', () => {
    for (const tier of [...TIER_IDS, 'EXCLUSIVE']) {
      expect(DEFAULT_TEMPLATES[tier], tier).toBeTypeOf('string')
      expect(checkTemplate(defaultTemplateFor(tier)).problems, tier).toEqual([])
    }
  })

  it('render with sample values leaving no braces or placeholders, and carry every section', () => {
    for (const tier of [...TIER_IDS, 'EXCLUSIVE']) {
      const text = renderTemplate(defaultTemplateFor(tier), SAMPLE_VALUES)
      expect(text).not.toMatch(/\{|\}|undefined|null/)
      expect(checkTemplate(text).ok).toBe(true)
      const headings = contractBlocks(text).filter((b) => b.kind === 'heading').map((b) => b.text)
      for (const section of ['Parties', 'Credit', 'Publishing and ownership', 'Price', 'Restrictions', 'Termination', 'Governing law'])
        expect(headings, `${tier}: ${section}`).toContain(section)
    }
  })

  it('leases say earlier holders keep their rights when exclusive rights are sold later', () => {
    // Every tier but Exclusive is a lease; the Exclusive text says instead that earlier leases stay valid.
    for (const tier of TIER_IDS.filter((t) => t !== 'EXCLUSIVE')) expect(defaultTemplateFor(tier)).toMatch(/may later sell exclusive rights[^.]*\. If that happens, this license stays valid/)
    expect(defaultTemplateFor('EXCLUSIVE')).toMatch(/Non-exclusive licenses sold before {{order_date}} stay valid/)
  })

  it('a tier without its own text gets the lease', () => {
    expect(defaultTemplateFor('SOMETHING_NEW')).toBe(DEFAULT_TEMPLATES.BASIC)
  })

  it('every variable has a sample that passes the placeholder check', () => {
    for (const v of CONTRACT_VARIABLES) expect(checkTemplate(v.sample).ok, v.name).toBe(true)
  })
})

describe('contractBlocks', () => {
  it('splits headings and paragraphs, keeping list lines', () => {
    expect(contractBlocks('# One\nFirst para\n- a\n- b\n\nSecond\n# Two\nThird')).toEqual([
      { kind: 'heading', text: 'One' },
      { kind: 'paragraph', text: 'First para\n- a\n- b' },
      { kind: 'paragraph', text: 'Second' },
      { kind: 'heading', text: 'Two' },
      { kind: 'paragraph', text: 'Third' },
    ])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { beatParts, splitLine, SplitRuleError } from './split'

const tenPercent = { percent: 10, fixedCents: 0 }

describe('splitLine', () => {
  it('takes the platform fee, then divides the share by percent (the README example)', () => {
    // $29.99 paid after a deal; 10 % fee; owner 50, two collaborators 25 each.
    const line = splitLine(2999, tenPercent, [
      { payee: 'owner', percent: 50 },
      { payee: 'ana', percent: 25 },
      { payee: 'ben', percent: 25 },
    ])
    expect(line.platformFeeCents).toBe(300) // 299.9 rounds half-up to 300
    expect(line.shareCents).toBe(2699)
    expect(line.payees.map((p) => p.amountCents)).toEqual([1349, 675, 675]) // 1349.5, 674.75, 674.75: the .75s win the two cents
  })

  it('gives leftover cents to the largest remainders, ties in the order given', () => {
    const line = splitLine(100, { percent: 0, fixedCents: 0 }, [
      { payee: 'a', percent: 33 },
      { payee: 'b', percent: 33 },
      { payee: 'c', percent: 34 },
    ])
    expect(line.payees.map((p) => p.amountCents)).toEqual([33, 33, 34])
    const odd = splitLine(1, { percent: 0, fixedCents: 0 }, [
      { payee: 'a', percent: 50 },
      { payee: 'b', percent: 50 },
    ])
    expect(odd.payees.map((p) => p.amountCents)).toEqual([1, 0])
  })

  it('adds the fixed fee per line and never takes more than was paid', () => {
    expect(splitLine(1000, { percent: 10, fixedCents: 30 }, [{ payee: 'a', percent: 100 }]).platformFeeCents).toBe(130)
    const tiny = splitLine(20, { percent: 10, fixedCents: 30 }, [{ payee: 'a', percent: 100 }])
    expect(tiny.platformFeeCents).toBe(20)
    expect(tiny.payees[0]!.amountCents).toBe(0)
    expect(splitLine(0, tenPercent, [{ payee: 'a', percent: 100 }]).shareCents).toBe(0)
  })

  it('accepts a fee percent with two decimals', () => {
    expect(splitLine(10_000, { percent: 2.9, fixedCents: 0 }, [{ payee: 'a', percent: 100 }]).platformFeeCents).toBe(290)
  })

  it('refuses splits that do not sum to 100, negative amounts and repeated payees', () => {
    expect(() => splitLine(100, tenPercent, [{ payee: 'a', percent: 90 }])).toThrow(SplitRuleError)
    expect(() => splitLine(-1, tenPercent, [{ payee: 'a', percent: 100 }])).toThrow(SplitRuleError)
    expect(() => splitLine(1.5, tenPercent, [{ payee: 'a', percent: 100 }])).toThrow(SplitRuleError)
    expect(() =>
      splitLine(100, tenPercent, [
        { payee: 'a', percent: 50 },
        { payee: 'a', percent: 50 },
      ]),
    ).toThrow(SplitRuleError)
    expect(() => splitLine(100, { percent: 101, fixedCents: 0 }, [{ payee: 'a', percent: 100 }])).toThrow(SplitRuleError)
  })
})

describe('beatParts', () => {
  it('gives the owner what collaborators do not hold', () => {
    expect(beatParts('owner', [{ payee: 'ana', percent: 30 }])).toEqual([
      { payee: 'owner', percent: 70 },
      { payee: 'ana', percent: 30 },
    ])
    expect(beatParts('owner', [])).toEqual([{ payee: 'owner', percent: 100 }])
    expect(() => beatParts('owner', [{ payee: 'a', percent: 60 }, { payee: 'b', percent: 50 }])).toThrow(SplitRuleError)
  })
})

// Percentages summing to 100 over 1–6 payees.
const parts = fc
  .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 })
  .map((weights) => {
    const total = weights.reduce((s, w) => s + w, 0)
    const percents = weights.map((w) => Math.floor((w * 100) / total))
    percents[0]! += 100 - percents.reduce((s, p) => s + p, 0)
    return percents.map((percent, i) => ({ payee: `p${i}`, percent }))
  })
const fee = fc.record({ percent: fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100), fixedCents: fc.integer({ min: 0, max: 500 }) })
const paid = fc.integer({ min: 0, max: 99_999_999 })

describe('splitLine properties', () => {
  it('fee + payee amounts sum exactly to the paid amount; nothing is negative', () => {
    fc.assert(
      fc.property(paid, fee, parts, (cents, f, p) => {
        const line = splitLine(cents, f, p)
        const payees = line.payees.reduce((s, x) => s + x.amountCents, 0)
        expect(payees).toBe(line.shareCents)
        expect(line.platformFeeCents + line.shareCents).toBe(cents)
        expect(line.platformFeeCents).toBeGreaterThanOrEqual(0)
        for (const x of line.payees) expect(x.amountCents).toBeGreaterThanOrEqual(0)
      }),
    )
  })

  it('each payee is within one cent of their exact part, and the result is deterministic', () => {
    fc.assert(
      fc.property(paid, fee, parts, (cents, f, p) => {
        const line = splitLine(cents, f, p)
        expect(splitLine(cents, f, p)).toEqual(line)
        for (const x of line.payees) expect(Math.abs(x.amountCents - (line.shareCents * x.percent) / 100)).toBeLessThan(1)
      }),
    )
  })
})

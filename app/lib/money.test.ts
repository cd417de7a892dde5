import { describe, expect, it } from 'vitest'
import { formatMoney, formatPrice } from './money'

describe('formatPrice', () => {
  it('drops zero cents and keeps real ones', () => {
    expect(formatPrice(2500)).toBe('$25')
    expect(formatPrice(2499)).toBe('$24.99')
    expect(formatPrice(1_000_000)).toBe('$10,000')
    expect(formatPrice(2500, 'EUR')).toBe('€25')
  })
})

describe('formatMoney', () => {
  it('always shows cents, for receipts and totals', () => {
    expect(formatMoney(2500)).toBe('$25.00')
    expect(formatMoney(12_345)).toBe('$123.45')
  })
})

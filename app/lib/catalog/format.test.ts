import { describe, expect, it } from 'vitest'
import { formatPrice } from './format'

describe('formatPrice', () => {
  it('drops zero cents and keeps real ones', () => {
    expect(formatPrice(2500)).toBe('$25')
    expect(formatPrice(2499)).toBe('$24.99')
    expect(formatPrice(1_000_000)).toBe('$10,000')
    expect(formatPrice(2500, 'EUR')).toBe('€25')
  })
})

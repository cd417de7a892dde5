import { describe, expect, it } from 'vitest'
import { checkoutMinimumMessage, isOverCheckoutMaximum, isUnderCheckoutMinimum } from './limits'

describe('checkout limits', () => {
  it('takes Stripe’s minimum charge per currency, USD’s for others, and $0 is always under it', () => {
    expect(isUnderCheckoutMinimum(0, 'usd')).toBe(true)
    expect(isUnderCheckoutMinimum(49, 'usd')).toBe(true)
    expect(isUnderCheckoutMinimum(50, 'usd')).toBe(false)
    expect(isUnderCheckoutMinimum(30, 'GBP')).toBe(false)
    expect(isUnderCheckoutMinimum(200, 'sek')).toBe(true)
    expect(isUnderCheckoutMinimum(49, 'xyz')).toBe(true)
    expect(isOverCheckoutMaximum(99_999_999)).toBe(false)
    expect(isOverCheckoutMaximum(100_000_000)).toBe(true)
  })

  it('says what the cart comes to, the smallest payment, and what to do', () => {
    expect(checkoutMinimumMessage(0, 'usd')).toBe(
      'Your cart comes to $0.00, less than a card payment can take ($0.50). The store cannot check out free orders yet: remove the code or add a beat.',
    )
  })
})

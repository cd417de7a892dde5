import { formatMoney } from '~/lib/money'

// Stripe takes at most 8 digits in the currency's smallest unit for one payment ($999,999.99 in
// USD), and at least its minimum charge (50 cents in USD). The cart checks both before checkout
// and the checkout refuses outside them, so a cart gets a sentence instead of a failed call to
// Stripe ("try again in a moment", which would never work). The built-in test checkout follows the
// same rules, so the demo behaves like the real store.
const MAX_CHECKOUT_TOTAL_CENTS = 99_999_999

// Stripe's minimum charge per currency, in the smallest unit (stripe.com/docs/currencies#minimum-and-maximum-charge-amounts);
// other currencies get USD's.
const MIN_CHECKOUT_TOTAL: Record<string, number> = { usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, nzd: 50, chf: 50, sgd: 50, dkk: 250, sek: 300, nok: 300 }

export function isOverCheckoutMaximum(totalCents: number) {
  return totalCents > MAX_CHECKOUT_TOTAL_CENTS
}

export function checkoutMaximumMessage(totalCents: number, currency: string) {
  return (
    `Your cart totals ${formatMoney(totalCents, currency)}, more than one payment can take ` +
    `(${formatMoney(MAX_CHECKOUT_TOTAL_CENTS, currency)}). Remove some beats and buy them in a second order.`
  )
}

function checkoutMinimum(currency: string) {
  return MIN_CHECKOUT_TOTAL[currency.toLowerCase()] ?? MIN_CHECKOUT_TOTAL.usd!
}

/** A total a card payment cannot take: $0 (a 100 % code, an upgrade credit covering the new price) up to Stripe's minimum. */
export function isUnderCheckoutMinimum(totalCents: number, currency: string) {
  return totalCents < checkoutMinimum(currency)
}

export function checkoutMinimumMessage(totalCents: number, currency: string) {
  return (
    `Your cart comes to ${formatMoney(totalCents, currency)}, less than a card payment can take ` +
    `(${formatMoney(checkoutMinimum(currency), currency)}). The store cannot check out free orders yet: remove the code or add a beat.`
  )
}

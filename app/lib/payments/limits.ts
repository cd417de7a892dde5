import { formatMoney } from '~/lib/money'

// Stripe takes at most 8 digits in the currency's smallest unit for one payment ($999,999.99 in
// USD). The cart checks it before checkout and the checkout refuses above it, so a large cart
// gets a sentence instead of a failed call to Stripe. The built-in test checkout follows the same
// rule, so the demo behaves like the real store.
const MAX_CHECKOUT_TOTAL_CENTS = 99_999_999

export function isOverCheckoutMaximum(totalCents: number) {
  return totalCents > MAX_CHECKOUT_TOTAL_CENTS
}

export function checkoutMaximumMessage(totalCents: number, currency: string) {
  return (
    `Your cart totals ${formatMoney(totalCents, currency)}, more than one payment can take ` +
    `(${formatMoney(MAX_CHECKOUT_TOTAL_CENTS, currency)}). Remove some beats and buy them in a second order.`
  )
}

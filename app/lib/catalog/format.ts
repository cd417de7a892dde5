import { formatMoney } from '~/lib/money'

/** "$25" for whole amounts, "$24.99" otherwise: the storefront's price style. */
export function formatPrice(cents: number, currency = 'usd'): string {
  return formatMoney(cents, currency).replace(/\.00$/, '')
}

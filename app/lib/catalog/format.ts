// Building an Intl.NumberFormat costs far more than using one (it was the single most expensive
// call when rendering a catalog page of 24 cards), so keep one per currency.
const formatters = new Map<string, Intl.NumberFormat>()

function formatter(currency: string) {
  let f = formatters.get(currency)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() })
    formatters.set(currency, f)
  }
  return f
}

/** "$25" for whole amounts, "$24.99" otherwise: the storefront's price style. */
export function formatPrice(cents: number, currency = 'usd'): string {
  return formatter(currency.toLowerCase())
    .format(cents / 100)
    .replace(/\.00$/, '')
}

// Money is integer cents in one currency per store; these helpers only format.

// Building an Intl.NumberFormat costs far more than using one (it showed up in catalog and webhook
// profiles), so keep one per currency.
const formatters = new Map<string, Intl.NumberFormat>()

function formatter(currency: string) {
  const key = currency.toUpperCase()
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency: key })
    formatters.set(key, f)
  }
  return f
}

/** "$25.00": receipts, PDFs, totals. */
export function formatMoney(cents: number, currency = 'usd'): string {
  return formatter(currency).format(cents / 100)
}

/** "$25" for whole amounts, "$24.99" otherwise: the storefront's price style. */
export function formatPrice(cents: number, currency = 'usd'): string {
  return formatMoney(cents, currency).replace(/\.00$/, '')
}

/** Cents → the dollars string a price input shows ("24.99"). */
export function centsToInput(cents: number) {
  return (cents / 100).toFixed(2)
}

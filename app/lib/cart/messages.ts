import { MAX_CART_LINES } from './lines'

/** What the buyer is told (and a screen reader hears) after adding a line. */
export function addedMessage(result: 'added' | 'changed' | 'unchanged' | 'full', beatTitle: string, tierLabel: string): string {
  if (result === 'full') return `Your cart is full (${MAX_CART_LINES} beats per checkout).`
  if (result === 'changed') return `Switched “${beatTitle}” to ${tierLabel} in your cart.`
  if (result === 'unchanged') return `“${beatTitle}” (${tierLabel}) is already in your cart.`
  return `Added “${beatTitle}” (${tierLabel}) to your cart.`
}

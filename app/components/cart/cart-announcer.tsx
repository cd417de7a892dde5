import { useAnnouncement } from '~/lib/cart/announcer'

/**
 * The cart's live region: present (empty) from the first render, so assistive technology is
 * already watching it when a message arrives. Sits above the player and the buy bar.
 */
export function CartAnnouncer() {
  const { message, id } = useAnnouncement()
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="cart-announcer" data-testid="cart-announcer">
      {message ? <p key={id}>{message}</p> : null}
    </div>
  )
}

import { Link } from 'react-router'

// Placeholder until the cart lands (issue 3): the count comes from the zustand cart store.
export function CartBadge() {
  return (
    <Link to="/cart" className="rounded-full px-3 py-1.5 text-sm font-medium text-muted hover:text-white">
      Cart
    </Link>
  )
}

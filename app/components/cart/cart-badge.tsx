import { NavLink } from 'react-router'
import { useCart, useCartReady } from '~/lib/cart/store'

export function CartBadge() {
  const ready = useCartReady()
  const count = useCart((s) => s.lines.length)
  const shown = ready ? count : 0
  return (
    <NavLink
      to="/cart"
      className={({ isActive }) =>
        `inline-flex items-center gap-1.5 rounded-full px-2 py-1.5 sm:px-3 text-sm font-medium transition-colors hover:text-white ${isActive ? 'text-white' : 'text-muted'}`
      }
      aria-label={`Cart, ${shown} ${shown === 1 ? 'item' : 'items'}`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 6h15l-1.5 9h-12z" strokeLinejoin="round" />
        <path d="M6 6 5 3H2" strokeLinecap="round" />
        <circle cx="9" cy="20" r="1.5" />
        <circle cx="18" cy="20" r="1.5" />
      </svg>
      <span className="hidden sm:inline">Cart</span>
      <span
        aria-live="polite"
        className={`min-w-5 rounded-full px-1.5 text-center text-xs font-bold tabular-nums ${shown ? 'bg-accent text-accent-ink' : 'bg-white/10 text-muted'}`}
        data-testid="cart-count"
      >
        {shown}
      </span>
    </NavLink>
  )
}

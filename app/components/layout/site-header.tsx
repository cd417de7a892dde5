import { Link, NavLink } from 'react-router'
import { CartBadge } from '~/components/cart/cart-badge'

const navClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap rounded-full px-2 py-1.5 text-sm font-medium transition-colors hover:text-white sm:px-3 ${isActive ? 'text-white' : 'text-muted'}`

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-ink/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Link to="/" className="text-lg font-black tracking-tight">
          beat<span className="text-accent">stall</span>
        </Link>
        <nav aria-label="Main" className="ml-auto flex items-center sm:gap-1">
          {/* Below 360 px there is no room: the logo leads to the beats as well. */}
          <NavLink to="/" end className={(state) => `${navClass(state)} max-[359px]:hidden`}>
            Beats
          </NavLink>
          <NavLink to="/orders" className={navClass}>
            <span className="sr-only sm:not-sr-only">My </span>
            <span className="capitalize sm:normal-case">orders</span>
          </NavLink>
          <NavLink to="/studio" className={navClass}>
            Studio
          </NavLink>
          <CartBadge />
        </nav>
      </div>
    </header>
  )
}

import { Form, NavLink, Outlet, useLocation } from 'react-router'
import type { Route } from './+types/studio'
import { getProducer } from '~/lib/auth/session.server'

// The studio shell: a tab bar for signed-in producers; the sign-in pages render bare inside it.

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await getProducer(request)
  return { producer: producer ? { displayName: producer.displayName, slug: producer.slug } : null }
}

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium transition-colors ${
    isActive ? 'bg-panel text-white ring-1 ring-line' : 'text-muted hover:text-white'
  }`

export default function StudioLayout({ loaderData }: Route.ComponentProps) {
  const { producer } = loaderData
  // "Beats" stays highlighted on a beat's own pages too.
  const onBeats = /^\/studio(\/beats\/.*)?\/?$/.test(useLocation().pathname)
  return (
    <div className="space-y-6">
      {producer ? (
        <div className="flex flex-wrap items-center gap-3 border-b border-line pb-4">
          <div className="mr-auto min-w-0">
            <p className="text-xs font-semibold uppercase tracking-widest text-accent">Studio</p>
            <p className="truncate text-lg font-bold">{producer.displayName}</p>
          </div>
          {/* Eleven tabs: one row that scrolls sideways on a phone, rather than four rows of tabs. */}
          <nav aria-label="Studio" className="-mx-1 flex w-full gap-1 overflow-x-auto px-1 pb-1 [mask-image:linear-gradient(to_right,black_85%,transparent)] sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0 sm:pb-0 sm:[mask-image:none] lg:w-auto">
            <NavLink to="/studio" end className={() => tabClass({ isActive: onBeats })}>
              Beats
            </NavLink>
            <NavLink to="/studio/sales" className={tabClass}>
              Sales
            </NavLink>
            <NavLink to="/studio/deals" className={tabClass}>
              Deals
            </NavLink>
            <NavLink to="/studio/ledger" className={tabClass}>
              Ledger
            </NavLink>
            <NavLink to="/studio/payouts" className={tabClass}>
              Payouts
            </NavLink>
            <NavLink to="/studio/terms" className={tabClass}>
              License terms
            </NavLink>
            <NavLink to="/studio/contracts" className={tabClass}>
              Contracts
            </NavLink>
            <NavLink to="/studio/voice-tag" className={tabClass}>
              Voice tag
            </NavLink>
            <NavLink to="/studio/links" className={tabClass}>
              Private links
            </NavLink>
            <NavLink to="/studio/free-downloads" className={tabClass}>
              Free downloads
            </NavLink>
            <NavLink to={`/producers/${producer.slug}`} className={tabClass}>
              Public page
            </NavLink>
            <Form method="post" action="/studio/logout">
              <button type="submit" className="whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium text-muted hover:text-white">
                Sign out
              </button>
            </Form>
          </nav>
        </div>
      ) : null}
      <Outlet />
    </div>
  )
}

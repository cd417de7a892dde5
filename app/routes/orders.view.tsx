import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/orders.view'
import { accessCookieHeader, readAccess, verifyOrderAccessToken } from '~/lib/access/order-access.server'
import { listOrdersForAccess } from '~/lib/downloads/order-downloads.server'
import { OrderDownloads } from '~/components/orders/downloads'

// /orders/view?token=… — the page the emailed link opens. The token moves into an httpOnly cookie
// (and out of the address bar, so it is not shared by copy-paste or Referer), then the page lists
// every order of that address, newest first.

export const meta: Route.MetaFunction = () => [{ title: 'My orders · Beatstall' }, { name: 'robots', content: 'noindex' }]

type Problem = { kind: 'expired'; email: string } | { kind: 'invalid' } | { kind: 'missing' }

export async function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get('token')
  const access = token !== null ? verifyOrderAccessToken(token) : await readAccess(request)
  if (access.ok && token !== null) {
    throw redirect('/orders/view', {
      headers: { 'Set-Cookie': await accessCookieHeader(request, token, access.expiresAt), 'Cache-Control': 'no-store' },
    })
  }
  if (!access.ok) {
    const problem: Problem = access.reason === 'expired' ? { kind: 'expired', email: access.email } : { kind: access.reason }
    return data({ problem, email: null, orders: [] }, { status: access.reason === 'expired' ? 410 : 401, headers: { 'Cache-Control': 'no-store' } })
  }
  const orders = await listOrdersForAccess(access)
  return data({ problem: null, email: access.email, orders }, { headers: { 'Cache-Control': 'no-store' } })
}

export default function MyOrders({ loaderData }: Route.ComponentProps) {
  const { problem, email, orders } = loaderData
  if (problem) return <LinkProblem problem={problem} />
  return (
    <section aria-labelledby="my-orders-title" className="mx-auto max-w-4xl py-6">
      <h1 id="my-orders-title" className="text-3xl font-bold">
        My orders
      </h1>
      <p className="mt-2 text-muted">
        Orders paid with <strong className="text-current">{email}</strong>, newest first. Each file can be downloaded
        a limited number of times; the license PDFs can be opened any time.
      </p>
      {orders.length === 0 ? (
        <p className="mt-8 rounded-2xl border border-line bg-panel p-6">No paid orders for this address yet.</p>
      ) : (
        <div className="mt-8 space-y-6">
          {orders.map((order) => (
            <OrderDownloads key={order.id} order={order} />
          ))}
        </div>
      )}
    </section>
  )
}

function LinkProblem({ problem }: { problem: Problem }) {
  const title = problem.kind === 'expired' ? 'This link has expired' : 'Open the link from your email'
  return (
    <section className="mx-auto max-w-xl py-12" aria-labelledby="link-problem-title">
      <title>{`${title} · Beatstall`}</title>
      <div className="rounded-2xl border border-line bg-panel p-6 sm:p-8">
        <h1 id="link-problem-title" className="text-2xl font-bold">
          {title}
        </h1>
        <p className="mt-4 text-muted">
          {problem.kind === 'expired'
            ? 'Order links work for 30 minutes. We can email you a fresh one right away.'
            : problem.kind === 'invalid'
              ? 'This link is not valid. Ask for a fresh one with the email address you paid with.'
              : 'Your orders are reached through a link we email you. Ask for one with the address you paid with.'}
        </p>
        <div className="mt-8">
          {problem.kind === 'expired' ? (
            <Form method="post" action="/orders">
              <input type="hidden" name="email" value={problem.email} />
              <button type="submit" className="rounded-full bg-accent px-5 py-2 font-semibold text-accent-ink">
                Email me a fresh link
              </button>
            </Form>
          ) : (
            <Link to="/orders" className="rounded-full bg-accent px-5 py-2 font-semibold text-accent-ink">
              Ask for a link
            </Link>
          )}
        </div>
      </div>
    </section>
  )
}

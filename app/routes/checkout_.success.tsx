import { useEffect } from 'react'
import { data, Link, useRevalidator } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/checkout_.success'
import { OrderSummary } from '~/components/orders/order-summary'
import { LineFileButtons } from '~/components/orders/downloads'
import type { LineView } from '~/lib/downloads/order-view'
import type { OrderView } from '~/lib/orders/order-view'
import { successPageView } from '~/lib/downloads/success-downloads.server'
import { useSettleCart } from '~/components/cart/use-settle-cart'
import { orderForSuccessPage } from '~/lib/orders/success.server'

// Stripe sends the buyer here after paying. If the webhook has not arrived yet, the loader
// fulfils the session itself (same fulfilment, so racing the webhook is harmless). The page shows
// the buyer's order and files only within an hour of payment (successPageView says why).

const QuerySchema = z.object({ session_id: z.string().regex(/^cs_[A-Za-z0-9_]{6,200}$/) })

export async function loader({ request }: Route.LoaderArgs) {
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data('This checkout link is not valid.', { status: 404 })
  const order = await orderForSuccessPage(query.data.session_id)
  if (!order) throw data('We could not find that checkout. If you paid, check your email for the receipt.', { status: 404 })
  const { setCookie, ...view } = { setCookie: null, ...(await successPageView(request, order)) }
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' }
  // Within the window: the 30-minute order-access cookie the download buttons need.
  if (setCookie) headers['Set-Cookie'] = setCookie
  return data(view, { headers })
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data?.state === 'unpaid' ? 'Confirming your payment · Beatstall' : 'Thank you for your order · Beatstall' },
  { name: 'robots', content: 'noindex' },
]

export default function CheckoutSuccess({ loaderData }: Route.ComponentProps) {
  if (loaderData.state === 'closed') return <SuccessWindowClosed number={loaderData.number} />
  return <OrderOutcome order={loaderData.order} downloads={loaderData.downloads} />
}

function SuccessWindowClosed({ number }: { number: number }) {
  return (
    <div className="mx-auto max-w-2xl">
      <p className="text-sm font-semibold tracking-widest text-accent">PAYMENT RECEIVED</p>
      <h1 className="mt-1 text-3xl font-black tracking-tight">Order #{number} is paid</h1>
      <p className="mt-2 text-muted">
        This confirmation page only shows your files for an hour after payment. Open your order page from the email link we sent you, or ask for a new link.
      </p>
      <Link to="/orders" className="mt-4 inline-block rounded-full bg-accent px-5 py-2 font-semibold text-accent-ink">
        Your orders and downloads
      </Link>
    </div>
  )
}

function OrderOutcome({ order, downloads }: { order: OrderView; downloads: Record<string, LineView> }) {
  const paid = order.status === 'PAID' || order.status === 'DISPUTED' || order.status === 'REFUNDED'
  const waiting = order.status === 'PENDING' && !order.flagged
  // Only the bought lines leave the cart, once per order; the rest of the cart stays.
  useSettleCart(paid ? order : null)

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      {paid ? (
        <header>
          <p className="text-sm font-semibold tracking-widest text-accent">PAYMENT RECEIVED</p>
          <h1 className="mt-1 text-3xl font-black tracking-tight">Thank you{order.buyerName ? `, ${order.buyerName.split(' ')[0]}` : ''}!</h1>
          <p className="mt-2 text-muted">
            Order #{order.number} is confirmed{order.email ? <> and a receipt is on its way to <strong className="text-zinc-200">{order.email}</strong></> : null}.
          </p>
        </header>
      ) : waiting ? (
        <WaitingForPayment />
      ) : (
        <header role="alert">
          <h1 className="text-3xl font-black tracking-tight">
            {order.status === 'EXPIRED' ? 'This checkout expired' : order.status === 'FAILED' ? 'The payment did not go through' : 'We need to check this payment'}
          </h1>
          <p className="mt-2 text-muted">
            {order.flagged
              ? 'The amount we received did not match the order, so we have not released the files. We will look into it; no need to pay again.'
              : 'No money was taken for this order. Your cart is still here if you want to try again.'}
          </p>
          <Link to="/cart" className="mt-4 inline-block rounded-full bg-accent px-5 py-2 font-semibold text-accent-ink">
            Back to the cart
          </Link>
        </header>
      )}
      <OrderSummary
        order={order}
        renderItemActions={(item) => (downloads[item.id] ? <LineFileButtons line={downloads[item.id]!} /> : null)}
      />
      {paid && Object.values(downloads).some((l) => l.files.some((f) => f.allowed)) ? (
        <p className="text-sm">
          <a
            href={`/downloads/order/${order.id}/zip`}
            className="inline-block rounded-full border border-accent/60 px-4 py-2 font-semibold text-accent hover:bg-accent/10"
          >
            Download everything (zip)
          </a>
          <span className="mt-2 block text-xs text-muted sm:ml-3 sm:mt-0 sm:inline">Your files and license contracts. Each file counts as one download.</span>
        </p>
      ) : null}
      {paid ? (
        <p className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
          <Link to="/orders" className="font-semibold text-accent hover:underline">
            Your orders and downloads
          </Link>
          <Link to="/" className="text-muted hover:text-white">
            Keep browsing beats
          </Link>
        </p>
      ) : null}
    </div>
  )
}

function WaitingForPayment() {
  const revalidator = useRevalidator()
  useEffect(() => {
    const t = setInterval(() => {
      if (revalidator.state === 'idle') void revalidator.revalidate()
    }, 2000)
    return () => clearInterval(t)
  }, [revalidator])
  return (
    <header aria-live="polite">
      <noscript>
        <meta httpEquiv="refresh" content="3" />
      </noscript>
      <p className="text-sm font-semibold tracking-widest text-accent">ALMOST THERE</p>
      <h1 className="mt-1 text-3xl font-black tracking-tight">Confirming your payment…</h1>
      <p className="mt-2 text-muted">
        Some payment methods take a moment. This page refreshes by itself; you will also get an email as soon as it is confirmed.
      </p>
    </header>
  )
}

import { useEffect, useMemo } from 'react'
import { Form, Link, useFetcher, useNavigate, useRouteLoaderData, useSearchParams } from 'react-router'
import type { Route } from './+types/cart'
import type { CheckoutAnswer } from './checkout'
import { CartLineView } from '~/components/cart/cart-line'
import { FormErrorsAlert } from '~/components/form-errors'
import { encodeLine, MAX_CART_LINES, parseUpgradeParam } from '~/lib/cart/lines'
import { useCart, useCartReady } from '~/lib/cart/store'
import { firstError } from '~/lib/form'
import { formatMoney } from '~/lib/money'
import { checkoutMaximumMessage, checkoutMinimumMessage, isOverCheckoutMaximum, isUnderCheckoutMinimum } from '~/lib/payments/limits'
import type { CartView } from '~/lib/orders/cart-view.server'

// The cart lives in the browser (ids + tiers); this page prices it through /api/cart and checks out
// through /checkout. Nothing here trusts a price from localStorage.

export const meta: Route.MetaFunction = () => [{ title: 'Your cart · Beatstall' }]

export default function CartPage() {
  const ready = useCartReady()
  const lines = useCart((s) => s.lines)
  const drop = useCart((s) => s.drop)
  const droppedNotes = useCart((s) => s.notices)
  const clear = useCart((s) => s.clear)
  const pricing = useFetcher<CartView>()
  const checkout = useFetcher<CheckoutAnswer>()

  // The code lives in the URL (/cart?code=SPRING10 is a link one can share) and goes with checkout.
  const [params] = useSearchParams()
  const code = (params.get('code') ?? '').trim().slice(0, 40)
  // "Upgrade" links from an order arrive as ?upgrade=…: the line joins the cart, the address is cleaned.
  const navigate = useNavigate()
  const add = useCart((s) => s.add)
  const upgradeParam = params.get('upgrade')
  useEffect(() => {
    if (!ready || upgradeParam === null) return
    const line = parseUpgradeParam(upgradeParam)
    if (line) add(line)
    void navigate(code ? `/cart?code=${encodeURIComponent(code)}` : '/cart', { replace: true })
  }, [ready, upgradeParam, add, navigate, code])

  const query = useMemo(
    () =>
      [
        ...lines.flatMap((l) => [
          `l=${encodeURIComponent(encodeLine(l))}`,
          ...(l.upgrade ? [`u=${encodeURIComponent(`${l.beatId}.${l.upgrade.itemId}.${l.upgrade.proof}`)}`] : []),
        ]),
        ...(code ? [`code=${encodeURIComponent(code)}`] : []),
      ].join('&'),
    [lines, code],
  )
  const { load } = pricing
  useEffect(() => {
    if (ready && query) void load(`/api/cart?${query}`)
  }, [ready, query, load])

  // Lines the server says can no longer be bought leave the cart, with the reason shown.
  const dropped = pricing.data?.dropped
  useEffect(() => {
    if (dropped?.length) drop(dropped)
  }, [dropped, drop])

  const priced = new Map((pricing.data?.lines ?? []).map((l) => [l.beatId, l]))
  const visible = lines.filter((l) => priced.get(l.beatId)?.tier === l.tier)
  const total = visible.reduce((sum, l) => sum + (priced.get(l.beatId)?.paidCents ?? 0), 0)
  const listTotal = visible.reduce((sum, l) => sum + (priced.get(l.beatId)?.priceCents ?? 0), 0)
  const codeState = pricing.data?.code ?? null
  const currency = useCurrency()
  const loading = !ready || (lines.length > 0 && (pricing.state !== 'idle' || visible.length !== lines.length))
  const busy = checkout.state !== 'idle'
  const overMaximum = !loading && isOverCheckoutMaximum(total)
  const underMinimum = !loading && visible.length > 0 && isUnderCheckoutMinimum(total, currency)

  return (
    <div className="mx-auto max-w-4xl">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-black tracking-tight">Your cart</h1>
        {ready && lines.length ? (
          <button type="button" onClick={clear} className="text-sm text-muted underline-offset-2 hover:text-white hover:underline">
            Clear cart
          </button>
        ) : null}
      </div>

      {droppedNotes.length ? (
        <div role="status" className="mt-4 rounded-2xl border border-amber-500/40 bg-amber-500/10 p-4 text-sm">
          <p className="font-semibold">We removed {droppedNotes.length === 1 ? 'a line' : 'some lines'} from your cart:</p>
          <ul className="mt-1 list-disc pl-5 text-zinc-300">
            {droppedNotes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {!ready ? (
        <p className="mt-8 text-muted">Loading your cart…</p>
      ) : lines.length === 0 ? (
        <div className="mt-8 rounded-2xl border border-line bg-panel p-8 text-center">
          <p className="text-lg font-semibold">Your cart is empty.</p>
          <p className="mt-1 text-muted">Find a beat you like and pick a license.</p>
          <Link to="/" className="mt-5 inline-block rounded-full bg-accent px-5 py-2 font-semibold text-accent-ink">
            Browse beats
          </Link>
        </div>
      ) : (
        <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_20rem]">
          <ul className="space-y-3" aria-label="Cart lines" aria-busy={loading}>
            {lines.map((line) => {
              const view = priced.get(line.beatId)
              return (
                <CartLineView
                  key={line.beatId}
                  line={line}
                  view={view && view.tier === line.tier ? view : undefined}
                  fallback={view}
                  currency={currency}
                  problem={firstError(checkout.data?.errors, `lines.${line.beatId}`)}
                />
              )
            })}
          </ul>
          <aside className="h-fit rounded-2xl border border-line bg-panel p-4 lg:sticky lg:top-20" aria-labelledby="summary-title">
            <h2 id="summary-title" className="font-semibold">
              Summary
            </h2>
            {!loading && listTotal > total ? (
              <p className="mt-3 flex items-baseline justify-between text-sm" data-testid="cart-savings">
                <span className="text-muted">
                  List price <s className="tabular-nums">{formatMoney(listTotal, currency)}</s>
                </span>
                <span className="font-semibold text-emerald-300 tabular-nums">You save {formatMoney(listTotal - total, currency)}</span>
              </p>
            ) : null}
            <p className="mt-3 flex items-baseline justify-between">
              <span className="text-muted">
                {lines.length} {lines.length === 1 ? 'license' : 'licenses'}
              </span>
              <span className="text-2xl font-black tabular-nums" data-testid="cart-total" aria-live="polite">
                {loading ? '…' : formatMoney(total, currency)}
              </span>
            </p>
            <p className="mt-1 text-xs text-muted">Up to {MAX_CART_LINES} beats per checkout. Prices are checked again when you pay.</p>
            <CodeField code={code} state={codeState} error={firstError(checkout.data?.errors, 'code')} />
            <checkout.Form method="post" action="/checkout" className="mt-4">
              <input type="hidden" name="lines" value={JSON.stringify(lines)} />
              {code ? <input type="hidden" name="code" value={code} /> : null}
              {codeState?.needsEmail ? (
                <label className="mb-3 block text-sm">
                  <span className="text-muted">Your email (this code is one per buyer)</span>
                  <input
                    name="email"
                    type="email"
                    required
                    autoComplete="email"
                    className="mt-1 w-full rounded-lg border border-line bg-ink px-3 py-2"
                  />
                </label>
              ) : null}
              <button
                type="submit"
                disabled={busy || loading || lines.length > MAX_CART_LINES || overMaximum || underMinimum}
                className="w-full rounded-full bg-accent px-5 py-2.5 font-bold text-accent-ink hover:brightness-110 disabled:opacity-60"
              >
                {busy ? 'Starting checkout…' : 'Check out'}
              </button>
            </checkout.Form>
            <div className="mt-3">
              {overMaximum ? (
                <p role="alert" className="mb-2 text-sm text-red-300">
                  {checkoutMaximumMessage(total, currency)}
                </p>
              ) : null}
              {underMinimum ? (
                <p role="alert" className="mb-2 text-sm text-red-300" data-testid="checkout-minimum">
                  {checkoutMinimumMessage(total, currency)}
                </p>
              ) : null}
              <FormErrorsAlert errors={checkout.data?.errors} />
            </div>
          </aside>
        </div>
      )}
    </div>
  )
}

/** A GET form: applying a code puts it in the URL, which re-prices the cart. */
function CodeField({ code, state, error }: { code: string; state: CartView['code']; error?: string }) {
  const message = error ?? state?.message
  const ok = !error && state?.applied
  return (
    <Form method="get" className="mt-4" aria-label="Discount code">
      <label htmlFor="cart-code" className="text-sm text-muted">
        Discount code
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="cart-code"
          name="code"
          defaultValue={code}
          key={code}
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          aria-describedby={message ? 'cart-code-message' : undefined}
          className="min-w-0 flex-1 rounded-lg border border-line bg-ink px-3 py-2 uppercase"
        />
        <button type="submit" className="rounded-lg border border-line px-3 py-2 text-sm font-semibold hover:border-accent">
          Apply
        </button>
      </div>
      {message ? (
        <p id="cart-code-message" role="status" className={`mt-2 text-sm ${ok ? 'text-emerald-300' : 'text-amber-300'}`} data-testid="code-message">
          {message}
        </p>
      ) : null}
    </Form>
  )
}

function useCurrency() {
  return useRouteLoaderData<{ currency: string }>('root')?.currency ?? 'usd'
}

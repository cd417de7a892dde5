import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteLoaderData,
} from 'react-router'
import type { Route } from './+types/root'
import appCss from './app.css?url'
import { CartAnnouncer } from '~/components/cart/cart-announcer'
import { BareDocument, isBarePage, StoreStylesheet } from '~/components/layout/bare-document'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SiteFooter } from '~/components/layout/site-footer'
import { SiteHeader } from '~/components/layout/site-header'
import { TestModeBanner } from '~/components/layout/test-mode-banner'
import { IconSprite } from '~/components/player/icons'
import { PlayerBar } from '~/components/player/player-bar'
import { getEnv } from '~/lib/env.server'

export function loader(_: Route.LoaderArgs) {
  const env = getEnv()
  return { testMode: env.testMode, currency: env.CURRENCY }
}

export const meta: Route.MetaFunction = () => [
  { title: 'Beatstall — beats with honest licenses' },
  { name: 'description', content: 'Buy beats with clear licenses. Instant downloads, no surprises.' },
]

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const bare = isBarePage(useMatches())
  if (bare) return <BareDocument stylesheet={appCss}>{children}</BareDocument>
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f0f14" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <StoreStylesheet href={appCss} />
        <Meta />
        <Links />
      </head>
      <body className="page-body flex min-h-dvh flex-col">
        <IconSprite />
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-2 focus:text-accent-ink">
          Skip to content
        </a>
        {data ? <TestModeBanner testMode={data.testMode} /> : null}
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 pb-12 pt-6 sm:px-6">
          {children}
        </main>
        <SiteFooter />
        <CartAnnouncer />
        <PlayerBar />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <GeneralErrorBoundary error={error} />
}

import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, data, Outlet, StaticRouterProvider, useRouteError } from 'react-router'
import { describe, expect, it } from 'vitest'
import { NotFoundError } from '~/lib/errors'
import { toResponse } from '~/lib/http/errors'
import { GeneralErrorBoundary } from './error-boundary'
import { describeRouteError } from './error-page'

// Renders through React Router's own server rendering, so the errors are the ones it really makes
// (an unmatched URL is its internal 404 carrying `Error: No route matches URL "…"`).

const routes = [
  {
    id: 'root',
    path: '/',
    Component: Outlet,
    ErrorBoundary: function RootBoundary() {
      return <GeneralErrorBoundary error={useRouteError()} />
    },
    children: [
      {
        path: 'beats/:slug',
        loader: () => {
          throw toResponse(new NotFoundError('That beat is not in the store. It may have been unpublished or the link is mistyped.'))
        },
        Component: () => null,
      },
      {
        path: 'studio/sales',
        loader: () => {
          throw data('This receipt was resent several times in the last hour. Try again later.', { status: 429 })
        },
        Component: () => null,
      },
      {
        path: 'crash',
        loader: () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:5432')
        },
        Component: () => null,
      },
    ],
  },
]

async function render(path: string) {
  const handler = createStaticHandler(routes)
  const context = await handler.query(new Request(`http://store.test${path}`))
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`)
  const router = createStaticRouter(handler.dataRoutes, context)
  return { status: context.statusCode, html: renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />) }
}

describe('GeneralErrorBoundary', () => {
  it('renders an unknown URL as a readable 404 page, without the router’s own message', async () => {
    const { status, html } = await render('/no/such/page')
    expect(status).toBe(404)
    expect(html).toContain('Not found')
    expect(html).toContain('We could not find that page. It may have been moved or unpublished.')
    expect(html).not.toContain('No route matches')
    expect(html).not.toContain('Error:')
  })

  it('shows the message of a 404 a route threw from a typed error', async () => {
    const { status, html } = await render('/beats/gone')
    expect(status).toBe(404)
    expect(html).toContain('That beat is not in the store. It may have been unpublished or the link is mistyped.')
  })

  it('shows a thrown data() string as words, not as a JSON string', async () => {
    const { status, html } = await render('/studio/sales')
    expect(status).toBe(429)
    expect(html).toContain('Too many attempts')
    expect(html).toContain('This receipt was resent several times in the last hour. Try again later.')
    expect(html).not.toContain('&quot;This receipt')
  })

  it('renders a crash as a 500 page; its internals show only in development', async () => {
    const { status, html } = await render('/crash')
    expect(status).toBe(500)
    expect(html).toContain('Something went wrong')
    const crash = new Error('connect ECONNREFUSED 127.0.0.1:5432')
    expect(describeRouteError(crash, false)).toEqual({
      status: 500,
      title: 'Something went wrong',
      message: 'An unexpected error occurred. Please try again in a moment.',
    })
    expect(describeRouteError(crash, true).message).toContain('ECONNREFUSED')
  })
})

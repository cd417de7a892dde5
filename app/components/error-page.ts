import { isRouteErrorResponse } from 'react-router'

// What an error page says, decided apart from how it looks so it can be tested without rendering.

export interface ErrorPage {
  status: number
  title: string
  message: string
}

const TITLES: Record<number, string> = {
  400: 'That request did not work',
  401: 'Sign in to continue',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Not allowed',
  409: 'That change was not made',
  410: 'This link no longer works',
  413: 'Too large',
  429: 'Too many attempts',
}

const MESSAGES: Record<number, string> = {
  404: 'We could not find that page. It may have been moved or unpublished.',
  429: 'Please wait a moment and try again.',
}

const GENERIC = 'An unexpected error occurred. Please try again in a moment.'

/**
 * A thrown response shows its own message when it carries one written for people (a string, or an
 * object with `message`). React Router's own errors (an unmatched URL, a missing action) are
 * `internal` and carry developer text such as `Error: No route matches URL "/x"`, so they get ours.
 */
export function describeRouteError(error: unknown, showDetails = false): ErrorPage {
  if (isRouteErrorResponse(error)) {
    const { status } = error
    // The flag does not survive hydration (the browser re-renders with `internal` unset), so React
    // Router's developer text, which always starts with "Error: ", is recognised by its shape too.
    const internal = ('internal' in error && error.internal === true) || isRouterDeveloperText(error.data)
    const own = internal ? null : readableMessage(error.data)
    return {
      status,
      title: TITLES[status] ?? (status >= 500 ? 'Something went wrong' : `Error ${status}`),
      message: own ?? MESSAGES[status] ?? (status >= 500 ? GENERIC : 'The store could not do that. Go back and try again.'),
    }
  }
  return {
    status: 500,
    title: 'Something went wrong',
    message: showDetails && error instanceof Error ? error.message : GENERIC,
  }
}

function readableMessage(data: unknown): string | null {
  if (typeof data === 'string') return data.trim() || null
  if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') return data.message
  return null
}

function isRouterDeveloperText(data: unknown): boolean {
  return typeof data === 'string' && data.startsWith('Error: ')
}

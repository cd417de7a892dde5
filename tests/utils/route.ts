import { data, type AppLoadContext, type UNSAFE_DataWithResponseInit } from 'react-router'

// Calls a route's loader or action the way React Router does and reports what the client would
// get, whether the route returned or threw: a Response, a `data()` result, a redirect or a value.

// The class behind `data()` (exported by React Router as a type only).
const DataWithResponseInit = data(null).constructor as new (...args: never[]) => UNSAFE_DataWithResponseInit<unknown>

/** The arguments React Router passes a loader or action (the ones our routes read). */
export interface RouteArgs<Params> {
  request: Request
  url: URL
  params: Params
  pattern: string
  context: AppLoadContext
}

export interface RouteAnswer {
  status: number
  headers: Headers
  /** The `data()` payload or returned value; for a Response, its body as text (JSON parsed). */
  data: unknown
  location: string | null
  /** True when the route threw (a refusal or a redirect), false when it returned. */
  thrown: boolean
  /** The Response itself (body unread) when the route answered one, e.g. to stream a file. */
  response: Response | null
}

export function routeArgs<Params = Record<string, never>>(request: Request, params?: Params, ip = '203.0.113.7'): RouteArgs<Params> {
  return { request, url: new URL(request.url), params: params ?? ({} as Params), pattern: '', context: { ip } }
}

/** Runs a call to a loader or action (or anything that returns or throws like one). */
export async function run(call: () => unknown): Promise<RouteAnswer> {
  let value: unknown
  let thrown = false
  try {
    value = await call()
  } catch (error) {
    value = error
    thrown = true
  }
  if (value instanceof Response) {
    const text = await value.clone().text()
    const json = value.headers.get('Content-Type')?.includes('application/json')
    return { status: value.status, headers: value.headers, data: json && text ? JSON.parse(text) : text, location: value.headers.get('Location'), thrown, response: value }
  }
  if (value instanceof DataWithResponseInit) {
    const headers = new Headers(value.init?.headers)
    return { status: value.init?.status ?? 200, headers, data: value.data, location: headers.get('Location'), thrown, response: null }
  }
  if (thrown) throw value
  return { status: 200, headers: new Headers(), data: value, location: null, thrown, response: null }
}

/** Calls a loader or action with a Request (and params, client IP) and reports its answer. */
export function callRoute<Params>(
  handler: (args: RouteArgs<Params>) => unknown,
  request: Request,
  params?: Params,
  ip?: string,
): Promise<RouteAnswer> {
  return run(() => handler(routeArgs(request, params, ip)))
}

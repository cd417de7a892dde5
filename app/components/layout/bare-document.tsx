import { Links, Meta, type UIMatch } from 'react-router'

// A page that stands alone (the embeddable player, framed by other sites): the document without
// the store's header, cart, player or React bundle. A route opts in with `handle = { bare: true }`.

export function isBarePage(matches: UIMatch[]): boolean {
  return matches.some((m) => (m.handle as { bare?: boolean } | undefined)?.bare === true)
}

/**
 * The store's one stylesheet. `precedence` makes React place it ahead of the script preloads in
 * <head>: on a phone's few connections the render-blocking CSS must not queue behind the JavaScript
 * (it did, and first paint waited for the bundle).
 */
export function StoreStylesheet({ href }: { href: string }) {
  return <link rel="stylesheet" href={href} precedence="default" />
}

export function BareDocument({ children, stylesheet }: { children: React.ReactNode; stylesheet: string }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <StoreStylesheet href={stylesheet} />
        <Meta />
        <Links />
      </head>
      <body>{children}</body>
    </html>
  )
}

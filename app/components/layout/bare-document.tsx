import { Links, Meta, type UIMatch } from 'react-router'

// A page that stands alone (the embeddable player, framed by other sites): the document without
// the store's header, cart, player or React bundle. A route opts in with `handle = { bare: true }`.

export function isBarePage(matches: UIMatch[]): boolean {
  return matches.some((m) => (m.handle as { bare?: boolean } | undefined)?.bare === true)
}

export function BareDocument({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>{children}</body>
    </html>
  )
}

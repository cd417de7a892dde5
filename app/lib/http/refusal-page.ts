// A refusal from a route that answers files (zip, PDF) rather than pages: the browser navigated
// there, so it gets a small readable HTML page instead of a JSON string. Routes with a page use
// the error boundary instead.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

/** The page's only styles; the Content-Security-Policy allows exactly this text by its hash. */
export const REFUSAL_PAGE_CSS = `
body{margin:0;min-height:100dvh;display:grid;place-items:center;background:#0f0f14;color:#e4e4e7;font:16px/1.5 system-ui,sans-serif}
main{max-width:36rem;padding:2rem;text-align:center}
p.status{color:#f5b83d;font-weight:600;letter-spacing:.2em;font-size:.875rem}
a{display:inline-block;margin-top:1.5rem;border-radius:999px;background:#f5b83d;color:#1b1405;padding:.5rem 1.25rem;font-weight:600;text-decoration:none}
`

interface RefusalLink {
  href: string
  label: string
}

export function refusalPage(
  status: number,
  title: string,
  message: string,
  { link = { href: '/orders', label: 'Go to my orders' }, headers = {} }: { link?: RefusalLink; headers?: Record<string, string> } = {},
): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Beatstall</title>
<style>${REFUSAL_PAGE_CSS}</style>
</head>
<body>
<main>
<p class="status">${status}</p>
<h1>${escape(title)}</h1>
<p>${escape(message)}</p>
<a href="${escape(link.href)}">${escape(link.label)}</a>
</main>
</body>
</html>
`
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  })
}

import { useId, useState } from 'react'

/** "Share / Embed": the beat's link and the player's <iframe> snippet, each with a copy button. */
export function ShareEmbed({ link, snippet }: { link: string; snippet: string }) {
  const id = useId()
  const [copied, setCopied] = useState<string | null>(null)

  async function copy(what: 'Link' | 'Embed code', text: string) {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(`${what} copied.`)
    } catch {
      // No clipboard permission (or an old browser): the text is selectable in the field.
      setCopied(`Select the ${what.toLowerCase()} and copy it.`)
    }
  }

  return (
    <details className="group rounded-2xl border border-line bg-panel">
      <summary className="cursor-pointer select-none list-none rounded-2xl px-4 py-3 text-sm font-semibold hover:bg-white/5 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="mr-2 inline-block transition group-open:rotate-90">›</span>
        Share / Embed
      </summary>
      <div className="space-y-4 px-4 pb-4">
        <div>
          <label htmlFor={`${id}-link`} className="text-xs font-semibold uppercase tracking-wide text-muted">
            Link
          </label>
          <div className="mt-1 flex gap-2">
            <input id={`${id}-link`} readOnly value={link} className="field min-w-0 flex-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="pill shrink-0 border border-line hover:bg-white/5" onClick={() => void copy('Link', link)}>
              Copy link
            </button>
          </div>
        </div>
        <div>
          <label htmlFor={`${id}-embed`} className="text-xs font-semibold uppercase tracking-wide text-muted">
            Embed on your site
          </label>
          <textarea
            id={`${id}-embed`}
            readOnly
            value={snippet}
            rows={4}
            className="field mt-1 resize-none font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="mt-2 flex items-center gap-3">
            <button type="button" className="pill border border-line hover:bg-white/5" onClick={() => void copy('Embed code', snippet)}>
              Copy embed code
            </button>
            <p className="text-xs text-muted">Plays the preview and links back here.</p>
          </div>
        </div>
        <p role="status" className="text-xs text-accent">
          {copied}
        </p>
      </div>
    </details>
  )
}

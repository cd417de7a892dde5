import { useEffect } from 'react'
import { Link, useRevalidator } from 'react-router'
import type { PreviewStatus } from '~/lib/audio/preview/status.server'
import { IntentButton } from './intent-form'

// The beat editor's panel for the preview the store renders with the producer's voice tag. While a
// render is queued or running, the page re-checks every few seconds, so "ready" shows up by itself.

const POLL_MS = 3000

const LABELS: Record<PreviewStatus['state'], { text: string; tone: string }> = {
  uploaded: { text: 'Your upload', tone: 'bg-zinc-500/15 text-zinc-200 ring-zinc-500/40' },
  'no-tag': { text: 'No voice tag', tone: 'bg-zinc-500/15 text-zinc-200 ring-zinc-500/40' },
  'no-source': { text: 'Waiting for audio', tone: 'bg-zinc-500/15 text-zinc-200 ring-zinc-500/40' },
  none: { text: 'Not rendered', tone: 'bg-zinc-500/15 text-zinc-200 ring-zinc-500/40' },
  queued: { text: 'Queued', tone: 'bg-amber-500/15 text-amber-200 ring-amber-500/40' },
  rendering: { text: 'Rendering…', tone: 'bg-sky-500/15 text-sky-200 ring-sky-500/40' },
  ready: { text: 'Ready', tone: 'bg-emerald-500/15 text-emerald-200 ring-emerald-500/40' },
  failed: { text: 'Failed', tone: 'bg-red-500/15 text-red-200 ring-red-500/40' },
}

export function PreviewRenderStatus({ beatId, status }: { beatId: string; status: PreviewStatus }) {
  const revalidator = useRevalidator()
  const busy = status.state === 'queued' || status.state === 'rendering'
  useEffect(() => {
    if (!busy) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') void revalidator.revalidate()
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [busy, revalidator])
  const label = LABELS[status.state]
  return (
    <section aria-labelledby="tagged-preview-title" className="rounded-2xl border border-line bg-panel p-5 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="tagged-preview-title" className="text-lg font-semibold">
          Tagged preview
        </h2>
        <span role="status" aria-live="polite" className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${label.tone}`}>
          {label.text}
        </span>
      </div>
      <p className="mt-2 text-sm text-muted">{describe(status)}</p>
      {status.state === 'failed' ? (
        <p role="alert" className="mt-3 rounded-lg border border-red-500/40 bg-red-500/10 px-3 py-2 text-sm text-red-200">
          {status.message}
        </p>
      ) : null}
      {status.state === 'ready' || status.state === 'uploaded' ? (
        <audio
          controls
          preload="metadata"
          src={`/studio/beats/${beatId}/preview?v=${status.previewVersion}`}
          aria-label={status.state === 'ready' ? 'Tagged preview' : 'Your uploaded preview'}
          className="mt-4 w-full"
        />
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        {status.state === 'ready' || status.state === 'failed' ? <IntentButton intent="render-preview" label="Render again" /> : null}
        {status.state === 'none' ? <IntentButton intent="render-preview" label="Render preview" /> : null}
        {status.state === 'uploaded' && status.canReplace ? (
          <IntentButton intent="replace-preview" label="Replace it with a tagged one" confirm="Replace your uploaded preview with one the store renders with your voice tag?" />
        ) : null}
        {status.state === 'no-tag' || status.state === 'ready' || status.state === 'failed' ? (
          <Link to="/studio/voice-tag" className="inline-flex items-center px-2 py-2 text-sm text-accent hover:underline">
            {status.state === 'no-tag' ? 'Upload a voice tag' : 'Voice tag settings'}
          </Link>
        ) : null}
      </div>
    </section>
  )
}

function describe(status: PreviewStatus): string {
  switch (status.state) {
    case 'uploaded':
      return 'Listeners hear the preview you uploaded. The store never replaces it unless you ask.'
    case 'no-tag':
      return 'Upload a voice tag and the store renders this beat’s preview from its WAV or MP3.'
    case 'no-source':
      return 'Upload the WAV or MP3 and the store renders a tagged preview from it.'
    case 'none':
      return 'No preview yet. Render one from the beat’s audio with your voice tag.'
    case 'queued':
      return 'Waiting for its turn; this usually takes a few seconds.'
    case 'rendering':
      return 'Mixing your tag into the preview and encoding the MP3…'
    case 'ready':
      return 'Listeners hear the preview the store rendered with your voice tag.'
    case 'failed':
      return 'The store could not render this preview:'
  }
}

import { useRef, useState } from 'react'
import { Form, useRevalidator } from 'react-router'
import { formatBytes, type UploadKind } from '~/lib/studio/upload-kinds'
import { buttonClass } from './fields'
import { uploadFile } from './upload-client'

type State =
  | { phase: 'idle' }
  | { phase: 'uploading'; loaded: number; total: number }
  | { phase: 'done' }
  | { phase: 'failed'; message: string; file: File }

export interface ExistingFile {
  bytes: number
  durationMs: number | null
  originalName: string
}

/** One upload slot: pick a file, watch its progress, retry the same file after a failure. */
export function FileUploadSlot({ beatId, kind, existing, mode, canRemove }: {
  beatId: string
  kind: UploadKind
  existing: ExistingFile | undefined
  mode: 'local' | 'cloudinary'
  /** Files of a live beat stay (buyers need them); only the cover can go. */
  canRemove: boolean
}) {
  const [state, setState] = useState<State>({ phase: 'idle' })
  const input = useRef<HTMLInputElement>(null)
  const revalidator = useRevalidator()
  const inputId = `upload-${kind.slug}`
  const statusId = `${inputId}-status`

  async function start(file: File) {
    if (file.size > kind.maxBytes) {
      setState({ phase: 'failed', message: `This file is ${formatBytes(file.size)}; the ${kind.label.toLowerCase()} limit is ${formatBytes(kind.maxBytes)}.`, file })
      return
    }
    setState({ phase: 'uploading', loaded: 0, total: file.size })
    const result = await uploadFile({ beatId, kind, file, mode, onProgress: (loaded, total) => setState({ phase: 'uploading', loaded, total }) })
    if (result.ok) {
      setState({ phase: 'done' })
      if (input.current) input.current.value = ''
      void revalidator.revalidate()
    } else {
      setState({ phase: 'failed', message: result.message, file })
    }
  }

  const percent = state.phase === 'uploading' && state.total > 0 ? Math.round((state.loaded / state.total) * 100) : 0
  return (
    <div className="rounded-xl border border-line bg-ink/60 p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="flex items-center gap-2 font-semibold">
            {kind.label}
            {existing ? (
              <span className="rounded-full bg-emerald-500/15 px-2 py-0.5 text-xs font-medium text-emerald-300 ring-1 ring-emerald-500/40">Uploaded</span>
            ) : (
              <span className="rounded-full bg-zinc-700/40 px-2 py-0.5 text-xs font-medium text-zinc-300 ring-1 ring-zinc-500/40">Missing</span>
            )}
          </p>
          <p className="truncate text-xs text-muted">
            {existing
              ? `${existing.originalName || 'file'} · ${formatBytes(existing.bytes)}${existing.durationMs ? ` · ${formatDuration(existing.durationMs)}` : ''}`
              : `${kind.hint} · up to ${formatBytes(kind.maxBytes)}`}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {existing && canRemove && state.phase !== 'uploading' ? (
            <Form method="post" onSubmit={() => setState({ phase: 'idle' })}>
              <input type="hidden" name="intent" value="remove-file" />
              <input type="hidden" name="kind" value={kind.slug} />
              <button type="submit" className="rounded-lg px-2 py-2 text-sm text-muted hover:text-red-300">
                Remove<span className="sr-only"> {kind.label} file</span>
              </button>
            </Form>
          ) : null}
          {state.phase === 'failed' ? (
            <button type="button" className={buttonClass.secondary} onClick={() => void start(state.file)}>
              Retry
            </button>
          ) : null}
          <label htmlFor={inputId} className={`${buttonClass.secondary} cursor-pointer focus-within:ring-2 focus-within:ring-accent`}>
            {existing ? 'Replace' : 'Upload'}
            <span className="sr-only"> {kind.label} file</span>
            <input
              ref={input}
              id={inputId}
              type="file"
              accept={kind.accept}
              className="sr-only"
              aria-describedby={statusId}
              disabled={state.phase === 'uploading'}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0]
                if (file) void start(file)
              }}
            />
          </label>
        </div>
      </div>
      <div id={statusId} aria-live="polite" className="mt-2 empty:hidden">
        {state.phase === 'uploading' ? (
          <div className="space-y-1">
            <div
              role="progressbar"
              aria-label={`${kind.label} upload progress`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-2 overflow-hidden rounded-full bg-line"
            >
              <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
            </div>
            <p className="text-xs text-muted">
              Uploading… {percent}% ({formatBytes(state.loaded)} of {formatBytes(state.total)})
            </p>
          </div>
        ) : state.phase === 'failed' ? (
          <p role="alert" className="text-sm text-red-300">
            {state.message}
          </p>
        ) : state.phase === 'done' ? (
          <p className="text-sm text-emerald-300">{kind.label} uploaded.</p>
        ) : null}
      </div>
    </div>
  )
}

function formatDuration(ms: number) {
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

import type { FileKind } from '~/generated/prisma/enums'
import { UPLOAD_KINDS } from '~/lib/studio/upload-kinds'
import { FileUploadSlot } from './file-upload-slot'

export function BeatFilesPanel({ beatId, files, mode, live }: {
  beatId: string
  live: boolean
  files: { kind: FileKind; bytes: number; durationMs: number | null; originalName: string }[]
  mode: 'local' | 'cloudinary'
}) {
  return (
    <section aria-labelledby="files-title" className="rounded-2xl border border-line bg-panel p-5 sm:p-6">
      <h2 id="files-title" className="text-lg font-semibold">
        Files
      </h2>
      <p className="mb-4 mt-1 text-sm text-muted">
        Files are checked by their content: real MP3, WAV, zip and image files only. The cover is optional.
      </p>
      <div className="space-y-3">
        {UPLOAD_KINDS.map((kind) => (
          <FileUploadSlot
            key={kind.slug}
            beatId={beatId}
            kind={kind}
            mode={mode}
            existing={files.find((f) => f.kind === kind.kind)}
            canRemove={!live || kind.kind === 'COVER'}
          />
        ))}
      </div>
    </section>
  )
}

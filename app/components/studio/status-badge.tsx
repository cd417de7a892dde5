import type { BeatStatus } from '~/generated/prisma/enums'

const STYLES: Record<BeatStatus, { label: string; className: string }> = {
  DRAFT: { label: 'Draft', className: 'bg-zinc-700/40 text-zinc-200 ring-zinc-500/40' },
  PUBLISHED: { label: 'Published', className: 'bg-emerald-500/15 text-emerald-300 ring-emerald-500/40' },
  ARCHIVED: { label: 'Archived', className: 'bg-amber-500/10 text-amber-300 ring-amber-500/30' },
}

export function StatusBadge({ status }: { status: BeatStatus }) {
  const style = STYLES[status]
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${style.className}`}>{style.label}</span>
}

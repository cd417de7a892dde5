import type { FileKind } from '~/generated/prisma/enums'
import { LICENSE_TIERS, TIER_IDS, type TierId } from '~/lib/tiers'

// When a beat may go public: a preview to play, at least one enabled tier, and every file the
// enabled tiers deliver. The cover is optional: the catalog draws a placeholder without one.

const FILE_KIND_LABELS: Record<FileKind, string> = {
  PREVIEW: 'Preview MP3',
  MP3: 'MP3',
  WAV: 'WAV',
  STEMS: 'Stems (zip)',
  COVER: 'Cover image',
}

export function missingForPublish(
  files: readonly FileKind[],
  tiers: readonly { tier: TierId; enabled: boolean }[],
): string[] {
  const have = new Set(files)
  const problems: string[] = []
  if (!have.has('PREVIEW')) problems.push('Upload a preview MP3 so buyers can listen.')
  const enabled = TIER_IDS.filter((t) => tiers.some((x) => x.tier === t && x.enabled))
  if (enabled.length === 0) problems.push('Enable at least one license tier.')
  const needed = new Set(enabled.flatMap((t) => LICENSE_TIERS[t].files))
  for (const kind of needed) {
    if (!have.has(kind)) {
      const tiersNeeding = enabled.filter((t) => (LICENSE_TIERS[t].files as readonly string[]).includes(kind))
      problems.push(
        `Upload the ${FILE_KIND_LABELS[kind]} (the ${tiersNeeding.map((t) => LICENSE_TIERS[t].label).join(' and ')} license${tiersNeeding.length > 1 ? 's' : ''} deliver${tiersNeeding.length > 1 ? '' : 's'} it).`,
      )
    }
  }
  return problems
}

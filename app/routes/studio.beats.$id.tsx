import { data, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/studio.beats.$id'
import { CoverImage } from '~/components/cover-image'
import { BeatDetailsFields } from '~/components/studio/beat-details-fields'
import { BeatFilesPanel } from '~/components/studio/beat-files-panel'
import { FormErrorsAlert } from '~/components/form-errors'
import { FormAlert } from '~/components/studio/fields'
import { IntentForm } from '~/components/studio/intent-form'
import { PreviewRenderStatus } from '~/components/studio/preview-render-status'
import { PublishPanel } from '~/components/studio/publish-panel'
import { StatusBadge } from '~/components/studio/status-badge'
import { TierPricesFields } from '~/components/studio/tier-prices-fields'
import { previewStatus } from '~/lib/audio/preview/status.server'
import { requireProducer } from '~/lib/auth/session.server'
import { getEnv } from '~/lib/env.server'
import { NO_ERRORS, parseForm } from '~/lib/form'
import { formFailure, invariantResponse, orResponse } from '~/lib/http/errors'
import { ConflictError } from '~/lib/errors'
import { beatDetailsSchema } from '~/lib/studio/beat-schema'
import { archiveBeat, deleteBeat, publishBeat, restoreBeat, unpublishBeat, updateBeatDetails, updateBeatTiers } from '~/lib/studio/beats.server'
import { tierSettingsSchema } from '~/lib/studio/prices'
import { missingForPublish } from '~/lib/studio/publishing'
import { UPLOAD_KINDS, uploadKindBySlug } from '~/lib/studio/upload-kinds'
import { removeBeatFile } from '~/lib/studio/uploads.server'
import { renderBeatPreview } from '~/lib/studio/voice-tag.server'
import { getProducerTerms } from '~/models/producer.server'
import { ExclusivePanel } from '~/components/studio/exclusive-panel'
import { exclusiveStatus, relistBeat } from '~/lib/studio/exclusive-sale.server'
import { getStudioBeat, requireOwnBeatId } from '~/models/studio-beat.server'
import { readForm } from '~/lib/http/read-body'

export const meta: Route.MetaFunction = ({ data: d }) => [{ title: `${d?.beat.title ?? 'Beat'} · Beatstall studio` }]

export async function loader({ request, params }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  const beatId = await orResponse(requireOwnBeatId(producer.id, params.id))
  const [beat, terms, exclusive, preview] = await Promise.all([
    orResponse(getStudioBeat(producer.id, beatId)),
    getProducerTerms(producer.id),
    exclusiveStatus(beatId),
    previewStatus(beatId),
  ])
  const env = getEnv()
  return {
    beat,
    terms,
    exclusive,
    preview,
    currency: env.CURRENCY,
    uploadMode: env.testMode.storage ? ('local' as const) : ('cloudinary' as const),
    missing: missingForPublish(beat.files.map((f) => f.kind), beat.tiers),
  }
}

const intentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('details') }),
  z.object({ intent: z.literal('tiers') }),
  z.object({ intent: z.literal('publish') }),
  z.object({ intent: z.literal('unpublish') }),
  z.object({ intent: z.literal('archive') }),
  z.object({ intent: z.literal('restore') }),
  z.object({ intent: z.literal('delete') }),
  z.object({ intent: z.literal('relist') }),
  z.object({ intent: z.literal('render-preview') }),
  z.object({ intent: z.literal('replace-preview') }),
  z.object({ intent: z.literal('remove-file'), kind: z.enum(UPLOAD_KINDS.map((k) => k.slug) as [string, ...string[]]) }),
])

export async function action({ request, params }: Route.ActionArgs) {
  const producer = await requireProducer(request)
  const beatId = await orResponse(requireOwnBeatId(producer.id, params.id))
  const form = await readForm(request)
  const parsed = intentSchema.safeParse(Object.fromEntries(form))
  invariantResponse(parsed.success, 'Unknown or incomplete action.')
  const input = parsed.data
  try {
    return await runIntent(input, producer.id, beatId, form)
  } catch (error) {
    // Rule conflicts (not ready to publish, has orders…) are shown on the page, not as an error page.
    return formFailure(error, { intent: input.intent, saved: false })
  }
}

async function runIntent(input: z.infer<typeof intentSchema>, producerId: string, beatId: string, form: FormData) {
  switch (input.intent) {
    case 'details': {
      const details = parseForm(form, beatDetailsSchema)
      if (!details.ok) return data({ intent: input.intent, errors: details.errors, saved: false }, { status: 400 })
      await updateBeatDetails(producerId, beatId, details.data)
      return { intent: input.intent, errors: NO_ERRORS, saved: true }
    }
    case 'tiers': {
      const tiers = parseForm(form, tierSettingsSchema)
      if (!tiers.ok) return data({ intent: input.intent, errors: tiers.errors, saved: false }, { status: 400 })
      await updateBeatTiers(producerId, beatId, tiers.data)
      return { intent: input.intent, errors: NO_ERRORS, saved: true }
    }
    case 'publish':
      await publishBeat(producerId, beatId)
      break
    case 'unpublish':
      await unpublishBeat(producerId, beatId)
      break
    case 'archive':
      await archiveBeat(producerId, beatId)
      break
    case 'restore':
      await restoreBeat(producerId, beatId)
      break
    case 'relist':
      await relistBeat(producerId, beatId)
      break
    case 'delete':
      await deleteBeat(producerId, beatId)
      return redirect('/studio')
    case 'render-preview':
    case 'replace-preview':
      await renderBeatPreview(beatId, input.intent === 'replace-preview')
      break
    case 'remove-file': {
      const kind = uploadKindBySlug(input.kind)!
      const beat = await getStudioBeat(producerId, beatId)
      if (beat.status === 'PUBLISHED' && kind.kind !== 'COVER') {
        throw new ConflictError('Unpublish the beat before removing its files; buyers need them.')
      }
      await removeBeatFile(beatId, kind)
      break
    }
  }
  return { intent: input.intent, errors: NO_ERRORS, saved: true }
}

export default function EditBeat({ loaderData, actionData }: Route.ComponentProps) {
  const { beat, terms, exclusive, preview, currency, missing, uploadMode } = loaderData
  const errors = actionData?.errors
  return (
    <article aria-labelledby="beat-title" className="space-y-6">
      <div>
        <Link to="/studio" className="text-sm text-muted hover:text-white">
          ← Your beats
        </Link>
        <div className="mt-3 flex items-center gap-4">
          <CoverImage
            beatId={beat.id}
            version={beat.files.find((f) => f.kind === 'COVER')?.sha256.slice(0, 12) ?? null}
            sizes="72px"
            maxWidth={192}
            eager
            className="size-16 shrink-0 rounded-xl bg-panel object-cover ring-1 ring-line sm:size-[72px]"
          />
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-3">
              <h1 id="beat-title" className="min-w-0 break-words text-2xl font-bold sm:text-3xl">
                {beat.title}
              </h1>
              <StatusBadge status={beat.status} />
            </div>
            <p className="mt-1 break-words text-sm text-muted">
              /beats/{beat.slug} · {beat.plays.toLocaleString('en-US')} plays · {beat._count.orderItems} order lines
            </p>
          </div>
        </div>
      </div>
      <FormErrorsAlert errors={errors} />
      <ExclusivePanel status={exclusive} />
      <PublishPanel beat={beat} missing={missing} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <div className="min-w-0 space-y-6 lg:col-span-3">
          <BeatFilesPanel beatId={beat.id} files={beat.files} mode={uploadMode} live={beat.status === 'PUBLISHED'} />
          <PreviewRenderStatus beatId={beat.id} status={preview} />
        </div>
        <section aria-labelledby="prices-title" className="min-w-0 rounded-2xl border border-line bg-panel p-5 sm:p-6 lg:col-span-2 lg:col-start-4 lg:row-span-2 lg:row-start-1 lg:self-start">
          <h2 id="prices-title" className="text-lg font-semibold">
            Licenses and prices
          </h2>
          <p className="mb-4 mt-1 text-sm text-muted">
            Usage caps come from your{' '}
            <Link to="/studio/terms" className="text-accent hover:underline">
              license terms
            </Link>
            .
          </p>
          <IntentForm intent="tiers" submitLabel="Save prices">
            {actionData?.intent === 'tiers' && actionData.saved ? <FormAlert tone="success">Prices saved.</FormAlert> : null}
            <TierPricesFields tiers={beat.tiers} terms={terms} currency={currency} errors={actionData?.intent === 'tiers' ? errors : undefined} />
          </IntentForm>
        </section>
        <section aria-labelledby="details-title" className="min-w-0 rounded-2xl border border-line bg-panel p-5 sm:p-6 lg:col-span-3">
          <h2 id="details-title" className="mb-4 text-lg font-semibold">
            Details
          </h2>
          <IntentForm intent="details" submitLabel="Save details">
            {actionData?.intent === 'details' && actionData.saved ? <FormAlert tone="success">Details saved.</FormAlert> : null}
            <BeatDetailsFields values={beat} errors={actionData?.intent === 'details' ? errors : undefined} />
          </IntentForm>
        </section>
      </div>
    </article>
  )
}

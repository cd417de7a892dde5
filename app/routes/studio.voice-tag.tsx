import { data, Form, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/studio.voice-tag'
import { FormErrorsAlert } from '~/components/form-errors'
import { buttonClass, FormAlert } from '~/components/studio/fields'
import { IntentButton, IntentForm } from '~/components/studio/intent-form'
import { VoiceTagSettingsFields } from '~/components/studio/voice-tag-settings-fields'
import { requireProducer } from '~/lib/auth/session.server'
import { NO_ERRORS, parseForm } from '~/lib/form'
import { VOICE_TAG_FORM_LIMIT_BYTES } from '~/lib/http/body-limits'
import { formFailure, invariantResponse } from '~/lib/http/errors'
import { readForm } from '~/lib/http/read-body'
import { VOICE_TAG_DEFAULTS, VOICE_TAG_LIMITS, voiceTagSettingsSchema } from '~/lib/studio/voice-tag-settings'
import { removeVoiceTag, updateVoiceTagSettings, uploadVoiceTag } from '~/lib/studio/voice-tag.server'
import { findVoiceTag } from '~/models/voice-tag.server'

// The producer's voice tag: upload it once, set how the store mixes it into the previews it renders.

export const meta: Route.MetaFunction = () => [{ title: 'Voice tag · Beatstall studio' }]

export async function loader({ request }: Route.LoaderArgs) {
  const producer = await requireProducer(request)
  const tag = await findVoiceTag(producer.id)
  return {
    tag: tag && { originalName: tag.originalName, durationMs: tag.durationMs, bytes: tag.bytes, updatedAt: tag.updatedAt.toISOString() },
    settings: tag ?? VOICE_TAG_DEFAULTS,
  }
}

const intentSchema = z.object({ intent: z.enum(['upload', 'settings', 'remove']) })

export async function action({ request }: Route.ActionArgs) {
  const producer = await requireProducer(request)
  const form = await readForm(request, VOICE_TAG_FORM_LIMIT_BYTES)
  const parsed = intentSchema.safeParse({ intent: form.get('intent') })
  invariantResponse(parsed.success, 'Unknown or incomplete action.')
  const { intent } = parsed.data
  try {
    if (intent === 'upload') {
      const file = form.get('file')
      const { queued } = await uploadVoiceTag(producer.id, file instanceof File ? file : null)
      return { intent, errors: NO_ERRORS, saved: true, queued }
    }
    if (intent === 'settings') {
      const settings = parseForm(form, voiceTagSettingsSchema)
      if (!settings.ok) return data({ intent, errors: settings.errors, saved: false, queued: 0 }, { status: 400 })
      const { queued } = await updateVoiceTagSettings(producer.id, settings.data)
      return { intent, errors: NO_ERRORS, saved: true, queued }
    }
    await removeVoiceTag(producer.id)
    return { intent, errors: NO_ERRORS, saved: true, queued: 0 }
  } catch (error) {
    return formFailure(error, { intent, saved: false, queued: 0 })
  }
}

const queuedSentence = (n: number) => (n === 0 ? '' : ` ${n} preview${n === 1 ? ' is' : 's are'} being rendered again; each beat page in the studio shows its progress.`)

export default function VoiceTag({ loaderData, actionData }: Route.ComponentProps) {
  const { tag, settings } = loaderData
  const navigation = useNavigation()
  const uploading = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'upload'
  const result = (intent: string) => (actionData?.intent === intent ? actionData : undefined)
  return (
    <section aria-labelledby="voice-tag-title" className="space-y-6">
      <div>
        <h1 id="voice-tag-title" className="text-2xl font-bold sm:text-3xl">
          Voice tag
        </h1>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          Upload your tag once. Whenever a beat has a WAV or MP3 but no preview of yours, the store renders its preview
          itself: the range you choose, your tag mixed in at the interval and level below, faded out at the end. A preview
          you upload yourself always wins.
        </p>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <section aria-labelledby="tag-file-title" className="min-w-0 space-y-4 rounded-2xl border border-line bg-panel p-5 sm:p-6">
          <h2 id="tag-file-title" className="text-lg font-semibold">
            Your tag
          </h2>
          {result('upload')?.saved ? <FormAlert tone="success">{`Voice tag saved.${queuedSentence(result('upload')!.queued)}`}</FormAlert> : null}
          {result('remove')?.saved ? <FormAlert tone="success">Voice tag removed. Previews already rendered stay until you replace them.</FormAlert> : null}
          <FormErrorsAlert errors={result('upload')?.errors ?? result('remove')?.errors} />
          {tag ? (
            <p className="break-words text-sm">
              <span className="font-medium">{tag.originalName || 'Voice tag'}</span>
              <span className="text-muted"> · {(tag.durationMs / 1000).toFixed(1)} s · {Math.max(1, Math.round(tag.bytes / 1024))} KB</span>
            </p>
          ) : (
            <p className="text-sm text-muted">No tag yet: the store renders no previews until you upload one.</p>
          )}
          {/* Keyed by the saved tag, so a successful upload clears the file picker. */}
          <Form key={tag?.updatedAt ?? 'none'} method="post" encType="multipart/form-data" className="space-y-3">
            <input type="hidden" name="intent" value="upload" />
            <div className="space-y-1.5">
              <label htmlFor="voice-tag-file" className="block text-sm font-medium text-zinc-200">
                {tag ? 'Replace it with' : 'Tag file'}
              </label>
              <input
                id="voice-tag-file"
                name="file"
                type="file"
                required
                accept="audio/wav,audio/mpeg,.wav,.mp3"
                aria-describedby="voice-tag-file-hint"
                className="block w-full text-sm text-muted file:mr-3 file:rounded-lg file:border-0 file:bg-ink file:px-3 file:py-2 file:text-sm file:font-medium file:text-white"
              />
              <p id="voice-tag-file-hint" className="text-xs text-muted">
                WAV or MP3, {VOICE_TAG_LIMITS.minSeconds}–{VOICE_TAG_LIMITS.maxSeconds} seconds, at most 2 MB.
              </p>
            </div>
            <div className="flex flex-wrap justify-end gap-2">
              <button type="submit" className={buttonClass.primary} disabled={uploading}>
                {uploading ? 'Checking…' : tag ? 'Replace tag' : 'Upload tag'}
              </button>
            </div>
          </Form>
          {tag ? <IntentButton intent="remove" label="Remove tag" variant="danger" confirm="Remove your voice tag? Rendered previews stay." /> : null}
        </section>
        <section aria-labelledby="tag-settings-title" className="min-w-0 rounded-2xl border border-line bg-panel p-5 sm:p-6">
          <h2 id="tag-settings-title" className="mb-4 text-lg font-semibold">
            How previews are rendered
          </h2>
          <IntentForm intent="settings" submitLabel="Save settings">
            {result('settings')?.saved ? <FormAlert tone="success">{`Settings saved.${queuedSentence(result('settings')!.queued)}`}</FormAlert> : null}
            <FormErrorsAlert errors={result('settings')?.errors} />
            <VoiceTagSettingsFields values={settings} errors={result('settings')?.errors} />
          </IntentForm>
        </section>
      </div>
    </section>
  )
}

import { data } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/studio.beats.$id.upload.$kind'
import { requireProducer } from '~/lib/auth/session.server'
import { getEnv } from '~/lib/env.server'
import { describeError, orResponse } from '~/lib/http/errors'
import { readJson } from '~/lib/http/read-body'
import { confirmDirectUpload, signDirectUpload } from '~/lib/studio/cloudinary-upload.server'
import { uploadKindBySlug } from '~/lib/studio/upload-kinds'
import { receiveLocalUpload } from '~/lib/studio/uploads.server'
import { requireOwnBeatId } from '~/models/studio-beat.server'

// Upload endpoint for one file slot of one beat. Answers JSON: `{ ok, … }` or `{ error }` with
// 413 (too large), 415 (wrong type) or 422 (damaged / cut off).

const cloudinaryIntent = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('sign'), filename: z.string().max(300), bytes: z.number().int().min(1) }),
  z.object({ intent: z.literal('confirm'), publicId: z.string().min(1).max(300), filename: z.string().max(300) }),
])

export function loader() {
  throw data('Upload files from the beat page.', { status: 405 })
}

export async function action({ request, params }: Route.ActionArgs) {
  const producer = await requireProducer(request)
  const beatId = await orResponse(requireOwnBeatId(producer.id, params.id))
  const kind = uploadKindBySlug(params.kind)
  if (!kind) throw data({ error: 'There is no such file slot.' }, { status: 404 })

  try {
    if (getEnv().testMode.storage) return { ok: true, file: await receiveLocalUpload(request, beatId, kind) }
    const body = cloudinaryIntent.safeParse(await readJson(request))
    if (!body.success) return data({ error: 'Unknown upload step.' }, { status: 400 })
    if (body.data.intent === 'sign') return signDirectUpload(beatId, kind, body.data.bytes)
    return await confirmDirectUpload(beatId, kind, body.data.publicId, body.data.filename)
  } catch (error) {
    // A refused file answers its reason; the server discards the unread rest of a refused body
    // (app/server/discard-unread-body.ts).
    const refusal = describeError(error)
    if (!refusal) throw error
    return data({ error: refusal.message }, { status: refusal.status, headers: refusal.headers })
  }
}

import { z } from 'zod'
import { GENRES, MAX_DESCRIPTION_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, MAX_TITLE_LENGTH, MOODS, MUSICAL_KEYS } from './beat-fields'

// The rules for a beat's details (server side; the browser bundle only needs ./beat-fields).

/** Tags arrive as one comma-separated field; they are trimmed, lower-cased and de-duplicated. */
const tagsSchema = z
  .string()
  .max(5000, `Use at most ${MAX_TAGS} tags.`)
  .optional()
  .transform((raw) => [...new Set((raw ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .pipe(
    z
      .array(z.string().max(MAX_TAG_LENGTH, `Keep each tag under ${MAX_TAG_LENGTH + 1} characters.`))
      .max(MAX_TAGS, `Use at most ${MAX_TAGS} tags.`),
  )

export const beatDetailsSchema = z.object({
  title: z
    .string({ error: 'Give the beat a title.' })
    .trim()
    .min(1, 'Give the beat a title.')
    .max(MAX_TITLE_LENGTH, `Keep the title under ${MAX_TITLE_LENGTH + 1} characters.`),
  bpm: z.coerce
    .number({ error: 'BPM must be a whole number between 40 and 300.' })
    .int('BPM must be a whole number between 40 and 300.')
    .min(40, 'BPM must be a whole number between 40 and 300.')
    .max(300, 'BPM must be a whole number between 40 and 300.'),
  musicalKey: z.enum(MUSICAL_KEYS, { error: 'Pick a key from the list.' }),
  genre: z.enum(GENRES, { error: 'Pick a genre from the list.' }),
  mood: z.enum(MOODS, { error: 'Pick a mood from the list.' }),
  tags: tagsSchema,
  description: z
    .string()
    .max(MAX_DESCRIPTION_LENGTH, `Keep the description under ${MAX_DESCRIPTION_LENGTH + 1} characters.`)
    .optional()
    .transform((d) => (d ?? '').trim()),
})

export type BeatDetails = z.output<typeof beatDetailsSchema>

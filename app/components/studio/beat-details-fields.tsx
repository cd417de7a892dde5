import { firstError, type FormErrors } from '~/lib/form'
import { GENRES, MAX_DESCRIPTION_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, MAX_TITLE_LENGTH, MOODS, MUSICAL_KEYS } from '~/lib/studio/beat-fields'
import { SelectField, TextAreaField, TextField } from './fields'

export interface BeatDetailsValues {
  title: string
  bpm: number
  musicalKey: string
  genre: string
  mood: string
  tags: string[]
  description: string
}

/** The details part of the beat form, used by "new beat" and "edit beat". */
export function BeatDetailsFields({ values, errors }: { values?: BeatDetailsValues; errors?: FormErrors }) {
  return (
    <div className="grid gap-4 sm:grid-cols-6">
      <div className="sm:col-span-6">
        <TextField label="Title" name="title" required maxLength={MAX_TITLE_LENGTH} defaultValue={values?.title} error={firstError(errors, 'title')} />
      </div>
      <div className="sm:col-span-2">
        <TextField label="BPM" name="bpm" type="number" inputMode="numeric" min={40} max={300} step={1} required defaultValue={values?.bpm ?? 140} error={firstError(errors, 'bpm')} />
      </div>
      <div className="sm:col-span-2">
        <SelectField label="Key" name="musicalKey" options={MUSICAL_KEYS} defaultValue={values?.musicalKey ?? 'A minor'} error={firstError(errors, 'musicalKey')} />
      </div>
      <div className="sm:col-span-2">
        <SelectField label="Genre" name="genre" options={GENRES} defaultValue={values?.genre ?? 'Trap'} error={firstError(errors, 'genre')} />
      </div>
      <div className="sm:col-span-2">
        <SelectField label="Mood" name="mood" options={MOODS} defaultValue={values?.mood ?? 'Dark'} error={firstError(errors, 'mood')} />
      </div>
      <div className="sm:col-span-4">
        <TextField
          label="Tags"
          name="tags"
          defaultValue={values?.tags.join(', ')}
          error={firstError(errors, 'tags') ?? Object.entries(errors?.fieldErrors ?? {}).find(([k]) => k.startsWith('tags.'))?.[1][0]}
          hint={`Comma-separated, up to ${MAX_TAGS} tags of ${MAX_TAG_LENGTH} characters.`}
          placeholder="dark, 808, travis scott type"
        />
      </div>
      <div className="sm:col-span-6">
        <TextAreaField label="Description" name="description" rows={4} maxLength={MAX_DESCRIPTION_LENGTH} defaultValue={values?.description} error={firstError(errors, 'description')} />
      </div>
    </div>
  )
}

import { firstError, type FormErrors } from '~/lib/form'
import { TextField } from './fields'

export function VoiceTagSettingsFields({ values, errors }: {
  values: { intervalSeconds: number; levelDb: number; rangeStartSeconds: number; rangeLengthSeconds: number }
  errors?: FormErrors
}) {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <TextField label="Tag every (seconds)" name="intervalSeconds" type="number" inputMode="numeric" min={10} max={120} defaultValue={values.intervalSeconds} hint="The first tag plays at the start." error={firstError(errors, 'intervalSeconds')} />
      <TextField label="Tag level (dB)" name="levelDb" type="number" inputMode="numeric" min={-30} max={0} defaultValue={values.levelDb} hint="Peak of the tag; 0 is full scale, −6 is half." error={firstError(errors, 'levelDb')} />
      <TextField label="Preview starts at (seconds)" name="rangeStartSeconds" type="number" inputMode="numeric" min={0} max={600} defaultValue={values.rangeStartSeconds} hint="From the beginning of the beat if it is shorter." error={firstError(errors, 'rangeStartSeconds')} />
      <TextField label="Preview length (seconds)" name="rangeLengthSeconds" type="number" inputMode="numeric" min={15} max={120} defaultValue={values.rangeLengthSeconds} hint="The last 2 seconds fade out." error={firstError(errors, 'rangeLengthSeconds')} />
    </div>
  )
}

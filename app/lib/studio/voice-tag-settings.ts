import { z } from 'zod'

// The voice tag's limits and settings, shared by the studio form (hints) and the server (checks).
// The interval never goes below the longest tag, so two tags never overlap.

const MB = 1024 * 1024

export const VOICE_TAG_LIMITS = {
  maxBytes: 2 * MB,
  minSeconds: 0.3,
  maxSeconds: 10,
} as const

export const VOICE_TAG_DEFAULTS = { intervalSeconds: 30, levelDb: -6, rangeStartSeconds: 0, rangeLengthSeconds: 60 } as const

const whole = (label: string, min: number, max: number, unit: string) =>
  z.coerce
    .number({ message: `${label}: enter a number.` })
    .refine((n) => Number.isInteger(n) && n >= min && n <= max, `${label}: enter a whole number from ${min} to ${max} ${unit}.`)

export const voiceTagSettingsSchema = z.object({
  intervalSeconds: whole('Interval', VOICE_TAG_LIMITS.maxSeconds, 120, 'seconds'),
  levelDb: whole('Level', -30, 0, 'dB'),
  rangeStartSeconds: whole('Preview start', 0, 600, 'seconds'),
  rangeLengthSeconds: whole('Preview length', 15, 120, 'seconds'),
})

export type VoiceTagSettingsInput = z.infer<typeof voiceTagSettingsSchema>

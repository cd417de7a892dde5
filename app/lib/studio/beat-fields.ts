// What a beat's details may hold. Shared by the studio forms (options) and the actions (rules).

export const MUSICAL_KEYS = [
  'C major', 'C minor', 'C# major', 'C# minor', 'D major', 'D minor', 'D# major', 'D# minor',
  'E major', 'E minor', 'F major', 'F minor', 'F# major', 'F# minor', 'G major', 'G minor',
  'G# major', 'G# minor', 'A major', 'A minor', 'A# major', 'A# minor', 'B major', 'B minor',
] as const

export const GENRES = [
  'Trap', 'Hip-Hop', 'Boom Bap', 'Drill', 'R&B', 'Pop', 'Afrobeats', 'Dancehall', 'Reggaeton',
  'Lo-Fi', 'House', 'Electronic', 'Rock', 'Soul', 'Jazz', 'Other',
] as const

export const MOODS = [
  'Dark', 'Chill', 'Energetic', 'Happy', 'Sad', 'Aggressive', 'Romantic', 'Dreamy', 'Epic', 'Bouncy',
] as const

export const MAX_TAGS = 15
export const MAX_TAG_LENGTH = 30
export const MAX_TITLE_LENGTH = 100
export const MAX_DESCRIPTION_LENGTH = 2000

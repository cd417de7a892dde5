import type { TierId } from '~/lib/tiers'

// The demo store: three producers and their beats. Audio and covers are generated from these
// (see audio/), so every beat sounds like its genre, tempo and key.

export const DEMO_PASSWORD = 'beatstall-demo'

export interface DemoProducer {
  email: string
  displayName: string
  bio: string
}

export interface DemoBeat {
  producer: 'nova' | 'kilo' | 'mara'
  title: string
  genre: string
  mood: string
  bpm: number
  musicalKey: string
  tags: string[]
  description: string
  tiers?: Partial<Record<TierId, { priceCents: number; enabled: boolean }>>
}

export const DEMO_PRODUCERS: Record<DemoBeat['producer'], DemoProducer> = {
  nova: {
    email: 'nova@beatstall.test',
    displayName: 'Nova Reyes',
    bio: 'Atlanta-born, Berlin-based. Dark trap and drill with cinematic bells and 808s that slide. Placements on late-night playlists and a few mixtapes you have probably heard in a car.',
  },
  kilo: {
    email: 'kilo@beatstall.test',
    displayName: 'Kilo Beats',
    bio: 'Boom bap and lo-fi from a basement in Philadelphia. Swung drums, dusty keys, vinyl crackle. Built for writers who like space to breathe.',
  },
  mara: {
    email: 'mara@beatstall.test',
    displayName: 'Mara Sol',
    bio: 'Lagos and London in one laptop: afrobeats, R&B and house. Warm chords, bouncy percussion and basslines made for dancing.',
  },
}

const t = (basic: number, trackout: number, unlimited: number) => ({
  BASIC: { priceCents: basic, enabled: true },
  TRACKOUT: { priceCents: trackout, enabled: true },
  UNLIMITED: { priceCents: unlimited, enabled: true },
})

/** Exclusive is opt-in per beat; the demo offers it on a few. */
const exclusive = (priceCents: number) => ({ EXCLUSIVE: { priceCents, enabled: true } })

export const DEMO_BEATS: DemoBeat[] = [
  { producer: 'nova', title: 'Night Drive', genre: 'Trap', mood: 'Dark', bpm: 140, musicalKey: 'F# minor', tags: ['dark', '808', 'night', 'bells'], description: 'Gliding 808s under a cold bell melody. Made for late-night verses and tinted windows.', tiers: exclusive(150_000) },
  { producer: 'nova', title: 'Glass Halo', genre: 'Trap', mood: 'Dreamy', bpm: 150, musicalKey: 'C# minor', tags: ['melodic', 'ambient', 'pad'], description: 'Washed-out pads and rolling hats; melodic trap with room for a sung hook.', tiers: t(2900, 9900, 24900) },
  { producer: 'nova', title: 'Concrete Psalm', genre: 'Drill', mood: 'Aggressive', bpm: 142, musicalKey: 'C minor', tags: ['uk drill', 'sliding 808', 'piano'], description: 'UK drill with sliding 808s, triplet hats and a haunted piano line.' },
  { producer: 'nova', title: 'Red Lights', genre: 'Drill', mood: 'Sinister', bpm: 144, musicalKey: 'G minor', tags: ['ny drill', 'dark', 'choir'], description: 'Menacing drill bounce. Short, hard, and loud.', tiers: { UNLIMITED: { priceCents: 25_000, enabled: false } } },
  { producer: 'nova', title: 'Moth to Flame', genre: 'Trap', mood: 'Sad', bpm: 130, musicalKey: 'A minor', tags: ['emotional', 'pluck', 'guitar'], description: 'Plucked strings and a slow-burning 808 for heartbreak records.' },
  { producer: 'nova', title: 'Velvet Static', genre: 'R&B', mood: 'Moody', bpm: 68, musicalKey: 'Eb minor', tags: ['dark r&b', 'keys', 'slow'], description: 'Dark R&B at a crawl: electric piano, deep sub, snare and clap on the backbeat.' },
  { producer: 'nova', title: 'Skyline Fever', genre: 'Trap', mood: 'Energetic', bpm: 145, musicalKey: 'D minor', tags: ['hype', 'club', 'bells'], description: 'Up-tempo trap with a bell riff that sticks. Club-ready.', tiers: t(3500, 12000, 29900) },
  { producer: 'nova', title: 'Hollow Crown', genre: 'Drill', mood: 'Cold', bpm: 140, musicalKey: 'B minor', tags: ['drill', 'strings', 'cinematic'], description: 'Cinematic drill with a dark pad and stuttering snares.' },
  { producer: 'nova', title: 'Afterglow', genre: 'R&B', mood: 'Romantic', bpm: 74, musicalKey: 'Ab major', tags: ['love', 'smooth', 'keys'], description: 'Soft keys and a round 808 for slow jams and late replies.' },

  { producer: 'kilo', title: 'Dusty Fingers', genre: 'Boom Bap', mood: 'Nostalgic', bpm: 90, musicalKey: 'D minor', tags: ['90s', 'vinyl', 'piano'], description: 'Swung drums, chopped piano and vinyl crackle. Straight out of a 1994 crate.', tiers: exclusive(90_000) },
  { producer: 'kilo', title: 'Subway Poets', genre: 'Boom Bap', mood: 'Gritty', bpm: 88, musicalKey: 'G minor', tags: ['east coast', 'hard', 'keys'], description: 'Hard-hitting boom bap with a knocking kick and room for bars.', tiers: t(2000, 8000, 20000) },
  { producer: 'kilo', title: 'Paper Lanterns', genre: 'Lo-Fi', mood: 'Chill', bpm: 78, musicalKey: 'Eb major', tags: ['study', 'rhodes', 'rain'], description: 'Wobbly Rhodes chords and soft drums; lo-fi to study or write to.' },
  { producer: 'kilo', title: 'Sunday Tape', genre: 'Lo-Fi', mood: 'Mellow', bpm: 72, musicalKey: 'F major', tags: ['jazzy', 'warm', 'tape'], description: 'Jazzy ninth chords, a lazy swing and tape-warm bass.' },
  { producer: 'kilo', title: 'Corner Store Saint', genre: 'Boom Bap', mood: 'Soulful', bpm: 92, musicalKey: 'A minor', tags: ['soul', 'keys', 'golden era'], description: 'Soulful boom bap with a walking bass and crisp snare.' },
  { producer: 'kilo', title: 'Window Seat', genre: 'Lo-Fi', mood: 'Dreamy', bpm: 82, musicalKey: 'Bb major', tags: ['travel', 'bells', 'soft'], description: 'Bells over dusty keys: a daydream with a beat under it.', tiers: { BASIC: { priceCents: 2_500, enabled: false } } },
  { producer: 'kilo', title: 'Brick & Mortar', genre: 'Boom Bap', mood: 'Dark', bpm: 86, musicalKey: 'C minor', tags: ['grimy', 'underground', 'piano'], description: 'Grimy minor-key piano and a swung kick pattern.' },
  { producer: 'kilo', title: 'Late Bus Home', genre: 'Lo-Fi', mood: 'Nostalgic', bpm: 75, musicalKey: 'D major', tags: ['night', 'rhodes', 'vinyl'], description: 'Night-bus lo-fi: warm chords, rim clicks, the city going by.', tiers: t(1900, 7900, 19900) },
  { producer: 'kilo', title: 'Chalk Outline', genre: 'Boom Bap', mood: 'Aggressive', bpm: 94, musicalKey: 'E minor', tags: ['hardcore', 'battle', 'drums'], description: 'Battle-rap boom bap: loud drums, short chops, no mercy.' },

  { producer: 'mara', title: 'Lagos Sunset', genre: 'Afrobeats', mood: 'Uplifting', bpm: 104, musicalKey: 'G major', tags: ['afro', 'guitar', 'summer'], description: 'Plucked guitar chords, shakers and a bouncing bass. Summer in a loop.', tiers: exclusive(200_000) },
  { producer: 'mara', title: 'Palm Wine', genre: 'Afrobeats', mood: 'Happy', bpm: 108, musicalKey: 'D major', tags: ['afropop', 'dance', 'pluck'], description: 'Feel-good afropop groove with a syncopated bassline.', tiers: t(3000, 11000, 27500) },
  { producer: 'mara', title: 'Honey Tongue', genre: 'R&B', mood: 'Smooth', bpm: 70, musicalKey: 'Bb minor', tags: ['neo soul', 'keys', '9ths'], description: 'Neo-soul chords and a subby bass for smooth vocals.' },
  { producer: 'mara', title: 'Body Language', genre: 'R&B', mood: 'Romantic', bpm: 76, musicalKey: 'E major', tags: ['sensual', 'pad', 'slow jam'], description: 'Lush pads and a slow-rolling groove.' },
  { producer: 'mara', title: 'Warehouse 4AM', genre: 'House', mood: 'Energetic', bpm: 124, musicalKey: 'A minor', tags: ['deep house', 'organ', 'club'], description: 'Four-on-the-floor with organ stabs and an offbeat bass.' },
  { producer: 'mara', title: 'Golden Hour', genre: 'House', mood: 'Uplifting', bpm: 122, musicalKey: 'F major', tags: ['disco', 'sunset', 'chords'], description: 'Sunset house: bright chord stabs, open hats, rolling bass.', tiers: t(2500, 9000, 22500) },
  { producer: 'mara', title: 'Okada Ride', genre: 'Afrobeats', mood: 'Bouncy', bpm: 110, musicalKey: 'A minor', tags: ['amapiano-ish', 'percussion', 'bounce'], description: 'Percussive afrobeats with a log-drum-style bass and quick plucks.' },
  { producer: 'mara', title: 'Slow Dance Theory', genre: 'R&B', mood: 'Warm', bpm: 64, musicalKey: 'C major', tags: ['classic r&b', 'rhodes', 'love'], description: 'Classic R&B warmth: Rhodes, soft clap and a patient groove.' },
  { producer: 'mara', title: 'Neon Tide', genre: 'House', mood: 'Dreamy', bpm: 120, musicalKey: 'D minor', tags: ['deep', 'pad', 'late night'], description: 'Deep house with washed pads and a hypnotic bassline.' },
]

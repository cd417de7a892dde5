// Placeholder until the demo seed lands: decides whether to seed on start.
export async function seedDemoIfWanted(_opts: { embedded: boolean; log: (line: string) => void }) {}

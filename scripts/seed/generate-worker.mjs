// Worker-thread entry: Node 20 does not apply the tsx loader to workers, so load the TypeScript
// worker through tsx's API.
import { tsImport } from 'tsx/esm/api'

await tsImport('./generate-worker.ts', import.meta.url)

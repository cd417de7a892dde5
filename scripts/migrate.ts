// `npm run migrate`: apply pending SQL migrations to DATABASE_URL (or the embedded default).
import { prepareDatabase } from '~/server/database.server'

const db = await prepareDatabase((line) => console.log(line))
console.log('migrations up to date')
await db.embedded?.stop()

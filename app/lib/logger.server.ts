import { pino } from 'pino'
import { getEnv } from './env.server'

// Structured JSON logs (one line per event), so an operator can grep or ship them.
export const logger = pino({ level: getEnv().LOG_LEVEL, base: { app: 'beatstall' } })

import type { Env } from '~/lib/env.server'
import { isLoopbackAddress } from '~/lib/local-host'

// The development mailbox holds order links and password-reset links, so it is a demo's page
// for the person at this machine: never on a server (APP_URL public), never once SMTP is set,
// and even in a demo only to clients on this machine (a laptop's store reachable over Wi-Fi
// keeps its mail to itself).
export function devMailboxOpenTo(env: Pick<Env, 'testMode'>, clientIp: string): boolean {
  return env.testMode.mail && isLoopbackAddress(clientIp)
}

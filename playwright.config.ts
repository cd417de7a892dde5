import { mkdtempSync, chmodSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import getPort from 'get-port'

// Browser journeys against the production build, started the way `npm start` starts it (embedded
// Postgres, seeded demo catalog, test checkout, local mailbox) in a throwaway DATA_DIR on a free
// port. The main process picks these once; workers inherit them through the environment. The port
// comes from the OS (get-port): a random pick inside the ephemeral range once collided with a
// socket already open on the machine (EADDRINUSE, and the whole run failed).
process.env.E2E_PORT ??= String(await getPort({ host: '127.0.0.1' }))
process.env.E2E_DATA_DIR ??= (() => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beatstall-e2e-'))
  chmodSync(dir, 0o755)
  return dir
})()
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`

export default defineConfig({
  testDir: 'tests/e2e',
  globalTeardown: './tests/e2e/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'] } },
  ],
  webServer: {
    command: `node ${path.join(process.env.BUILD_DIR ?? 'build', 'server/index.js')}`,
    url: `${baseURL}/healthz`,
    // A first start renders the demo audio (once per machine; cached afterwards).
    timeout: 420_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      NODE_ENV: 'production',
      PORT: process.env.E2E_PORT,
      HOST: '127.0.0.1',
      APP_URL: baseURL,
      DATA_DIR: process.env.E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
    },
  },
})

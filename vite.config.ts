import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import { existsSync } from 'node:fs'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

// Vitest reads this file too (VITEST is set by vitest itself); the React Router plugin is for the
// app build only.
const isVitest = process.env.VITEST !== undefined

// The demo seed renders audio in worker threads, which load their module by URL next to the
// seed's code (new URL('./generate-worker.mjs', import.meta.url)). The production bundle puts that
// code in build/server/assets/, so the worker is emitted there as its own built entry.
const SEED_WORKER = 'scripts/seed/generate-worker.ts'
function seedWorker(): Plugin {
  return {
    name: 'beatstall:seed-worker',
    applyToEnvironment: (environment) => environment.name === 'ssr',
    buildStart() {
      if (!existsSync(SEED_WORKER)) return
      this.emitFile({ type: 'chunk', id: SEED_WORKER, fileName: 'assets/generate-worker.mjs' })
    },
  }
}

// The browser's first load: a phone on a slow network pays a round trip per file, and automatic
// splitting made 16 files for the catalog. React, React Router and zustand load on every page: one
// file. App modules most routes share (money, tiers, the cart store, icons): one more.
const CLIENT_CHUNKS = {
  groups: [
    { name: 'framework', test: /node_modules[\\/](react|react-dom|react-router|scheduler|zustand|cookie|set-cookie-parser)[\\/]/, priority: 2 },
    { name: 'shared', test: /[\\/]app[\\/](?!components[\\/]studio[\\/]|routes[\\/])/, minShareCount: 2, priority: 1 },
  ],
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: isVitest ? [] : [tailwindcss(), reactRouter(), seedWorker()],
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  // The server half of the build is the production server itself (app/server/index.ts), which
  // imports the app's server build: one bundle, one module graph at run time.
  build: isSsrBuild ? { rollupOptions: { input: 'app/server/index.ts' } } : { rolldownOptions: { output: { codeSplitting: CLIENT_CHUNKS } } },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/per-file.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores on CI machines; each worker gets its own cloned database anyway.
    maxWorkers: 2,
  },
}))

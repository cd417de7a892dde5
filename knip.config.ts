import type { KnipConfig } from 'knip'

// Unused files, exports and dependencies (`npm run knip`). The React Router, Vitest, Playwright,
// Prisma, ESLint and tsx plugins find most entries by themselves: route modules (from
// app/routes.ts), root, the configs, the test files and the scripts named in package.json.
const config: KnipConfig = {
  entry: [
    // Started by path at run time, not imported: the render worker and the benchmarks.
    'scripts/seed/generate-worker.{mjs,ts}',
    'scripts/bench/*.ts',
    'tests/setup/*.mjs',
    // Workers tests spawn by path, to kill them mid-send.
    'tests/fakes/mail-worker-process.ts',
    // A payout worker a test spawns by path, to kill it between the transfer and its record.
    'tests/fakes/payout-worker-process.ts',
    // Loaded by scripts/dev.ts through Vite's ssrLoadModule (a path string, not an import).
    'app/server/development.server.ts',
  ],
  project: ['app/**/*.{ts,tsx,css}', 'scripts/**/*.{ts,mjs}', 'tests/**/*.{ts,mjs}', '*.config.{ts,js}'],
  // The generated Prisma client (git-ignored, so knip does not read it) imports its runtime.
  ignoreDependencies: ['@prisma/client'],
  // Called by two tests to make a throwaway certificate; a system tool, not a package.
  ignoreBinaries: ['openssl'],
  compilers: {
    // app.css pulls Tailwind in with `@import "tailwindcss"`.
    css: (text: string) => [...text.matchAll(/(?<=@)import[^;]+/g)].join('\n'),
  },
}

export default config

// Runs before `npm run test:unit`: two test files start the production server (start-with-
// database-url, studio-uploads-http), so a fresh clone without ./build builds once first instead
// of failing them. An existing build is used as it is; `npm test` always builds anew.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build')
if (!existsSync(path.join(buildDir, 'server/index.js'))) {
  console.log(`[test:unit] no production build in ${buildDir}: building it first (tests that start the server need it)`)
  const result = spawnSync('npx', ['react-router', 'build'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

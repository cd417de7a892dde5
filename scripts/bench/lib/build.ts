import { execFileSync } from 'node:child_process'
import { existsSync, symlinkSync } from 'node:fs'
import path from 'node:path'

/**
 * Builds the app for production into BUILD_DIR (or `<tmp>/build`) so a benchmark never overwrites
 * ./build, and returns the folder to hand to startServer({ BUILD_DIR }).
 */
export function buildForBench(tmp: string, log: (line: string) => void): string {
  const buildDir = process.env.BUILD_DIR ? path.resolve(process.env.BUILD_DIR) : path.join(tmp, 'build')
  log(`building for production into ${buildDir}`)
  execFileSync('npx', ['react-router', 'build'], { env: { ...process.env, BUILD_DIR: buildDir }, stdio: ['ignore', 'ignore', 'inherit'] })
  // The server bundle imports its dependencies by name; a build outside the checkout finds them here.
  const link = path.join(buildDir, 'node_modules')
  if (!existsSync(link)) symlinkSync(path.resolve('node_modules'), link)
  return buildDir
}

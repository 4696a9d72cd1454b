/** `npm run build`: compiles src/ to dist/ with tsc, then builds the browser assets into dist/assets/. */

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { writeAssets } from '../src/web/assets/build-assets.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const DIST = path.join(ROOT, 'dist')
const started = performance.now()

// A clean tree each time: a file deleted from src/ must not live on in dist/.
fs.rmSync(DIST, { recursive: true, force: true })
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' })

// Compiled code resolves `#jsx/…` through the nearest package.json: this one, not the root's,
// which points the same names at src/ for tsx and the tests (see docs/decisions/0008).
const runtime = './web/render/jsx-runtime.js'
const distPackage = {
  name: 'masthead-dist',
  private: true,
  type: 'module',
  imports: { '#jsx/jsx-runtime': runtime, '#jsx/jsx-dev-runtime': runtime },
}
fs.writeFileSync(path.join(DIST, 'package.json'), `${JSON.stringify(distPackage, null, 2)}\n`)

const assets = await writeAssets(path.join(DIST, 'assets'))
const count = Object.keys(assets.files).length + 1
console.log(
  `built dist/ and ${count} assets in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

/**
 * `npm run build`: compiles src/ to dist/ with tsc, builds the browser assets into dist/assets/,
 * then bundles the server and the CLI into dist/server/ (what `npm start` and bin/ run).
 */

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { build } from 'esbuild'
import { parseConfig } from '../src/config.js'
import { prebuildDemoPhotos } from '../src/demo/photos/prebuild-demo-photos.js'
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
// The demo's photos, encoded once here rather than at a fresh clone's first start (about half
// of it); see src/demo/photos/prebuilt-photos.ts.
const demoPhotos = await prebuildDemoPhotos(
  path.join(DIST, 'demo-photos'),
  parseConfig({}).demo.articles,
)

// Loading ~900 compiled modules one by one (fastify, kysely, ajv, ours) costs most of a cold
// start and ~25 MiB of memory; one bundle with split chunks for what loads lazily (the article
// renderer, the demo generator) loads in a fraction of that. Native and optional packages, and
// the build tools the server never loads, stay outside (see docs/decisions/0008).
await build({
  entryPoints: { main: path.join(DIST, 'main.js'), cli: path.join(DIST, 'cli/main.js') },
  outdir: path.join(DIST, 'server'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [
    'better-sqlite3',
    'pg',
    'pg-native',
    'sharp',
    'argon2',
    'esbuild',
    'typescript',
    'tsx',
  ],
  // Bundled CommonJS packages call require() for Node's built-ins; an ES module has none.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'linked',
  // V8 keeps every script's source text for lazy compilation: without whitespace and comments it
  // is a third smaller, and a single non-ASCII character left in a comment made the whole chunk a
  // two-byte string (4 MiB for a 2 MB file). Names stay, so stack traces still read; the linked
  // source maps give lines back to an operator who runs with --enable-source-maps.
  minifyWhitespace: true,
  charset: 'ascii',
  sourcemap: 'linked',
  logLevel: 'warning',
})
const count = Object.keys(assets.files).length + 1
console.log(
  `built dist/, dist/server/, ${count} assets and ${demoPhotos} demo photos in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

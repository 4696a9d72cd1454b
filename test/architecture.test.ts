/** Enforces STYLE.md's dependency rules on src/: the layer table, no import cycles, the size budget. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { describe, test } from 'node:test'
import ts from 'typescript'

const SRC = path.resolve(import.meta.dirname, '../src')
const MAX_CODE_LINES = 400

/** Files allowed over the size budget, each with the reason it is large. */
const SIZE_ALLOWLIST: Record<string, string> = {}

/** Domains in their allowed import order: a domain may import only domains of a lower rank. */
// prettier-ignore
const DOMAIN_RANK: Record<string, number> = {
  accounts: 0, media: 1, newsroom: 2, engagement: 3, comments: 3, search: 3, distribution: 4,
  integrations: 4, imports: 4, settings: 0,
}

type Layer = 'lib' | 'config' | 'db' | 'infra' | 'domain' | 'demo' | 'web' | 'client' | 'cli'
type Place = { file: string; layer: Layer | 'app' | 'main' | 'other'; domain?: string }
type Import = { spec: string; typeOnly: boolean; line: number; target?: string }

/** Every .ts/.tsx/.d.ts file under `dir`, as a path relative to src/ with forward slashes. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [relative(full)] : []
  })
}

const relative = (full: string): string => path.relative(SRC, full).split(path.sep).join('/')

function placeOf(file: string): Place {
  const top = file.split('/')[0] ?? ''
  if (file === 'app.ts' || file === 'main.ts')
    return { file, layer: file === 'app.ts' ? 'app' : 'main' }
  if (file === 'config.ts' || file.startsWith('config/')) return { file, layer: 'config' }
  if (top in DOMAIN_RANK) return { file, layer: 'domain', domain: top }
  const layers: string[] = ['lib', 'db', 'infra', 'demo', 'web', 'client', 'cli']
  return { file, layer: layers.includes(top) ? (top as Layer) : 'other' }
}

/** Reads every import, export-from, dynamic import() and import type node of one file. */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(SRC, file), 'utf8')
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind)
  const found: Import[] = []
  const add = (node: ts.Node, spec: ts.Expression | undefined, typeOnly: boolean): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1
    const literal = spec !== undefined && ts.isStringLiteralLike(spec) ? spec.text : undefined
    found.push({ spec: literal ?? '<computed specifier>', typeOnly, line })
  }
  const allTypes = (elements: readonly { isTypeOnly: boolean }[]): boolean =>
    elements.length > 0 && elements.every((e) => e.isTypeOnly)
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause
      const named = clause?.namedBindings
      const inlineTypes =
        clause?.name === undefined && named !== undefined && ts.isNamedImports(named)
          ? allTypes(named.elements)
          : false
      add(node, node.moduleSpecifier, clause?.isTypeOnly === true || inlineTypes)
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) {
      const clause = node.exportClause
      const inlineTypes =
        clause !== undefined && ts.isNamedExports(clause) && allTypes(clause.elements)
      add(node, node.moduleSpecifier, node.isTypeOnly || inlineTypes)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0], false)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found.map((imp) => ({ ...imp, target: resolve(file, imp.spec) }))
}

/** Resolves a relative or `#` specifier to a src-relative file; undefined for packages. */
function resolve(from: string, spec: string): string | undefined {
  let base: string
  if (spec.startsWith('#jsx/')) base = path.join(SRC, 'web/render/jsx-runtime.ts')
  else if (spec.startsWith('.')) base = path.resolve(path.join(SRC, path.dirname(from)), spec)
  else return undefined
  const stem = base.replace(/\.(js|jsx|ts|tsx)$/, '')
  const candidates = [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    `${stem}.d.ts`,
    path.join(base, 'index.ts'),
  ]
  const hit = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile())
  return relative(hit ?? base)
}

const DB_PACKAGE = /^(kysely|pg|better-sqlite3)(\/|$)/
const HTTP_PACKAGE = /^(fastify|fastify-plugin|@fastify\/.*)$/

/** Why `from` may not import the package `spec`, or undefined when it may. */
function packageRule(from: Place, spec: string): string | undefined {
  if (from.layer === 'client')
    return 'src/client imports no package and no node: module (browser code, no framework)'
  if (['lib', 'config', 'web', 'demo'].includes(from.layer) && DB_PACKAGE.test(spec))
    return `${from.layer}/ never uses a database driver: call a domain service`
  const httpFree = ['lib', 'config', 'db', 'infra', 'domain'].includes(from.layer)
  if ((httpFree || from.file.startsWith('web/render/')) && HTTP_PACKAGE.test(spec))
    return 'only web/ (outside render/) knows Fastify'
  return undefined
}

/** Why `from` may not import `to` (both src files), or undefined when it may. */
function fileRule(from: Place, to: Place, typeOnly: boolean): string | undefined {
  if (to.layer === 'main') return 'nothing imports main.ts'
  if (to.layer === 'app')
    return from.layer === 'main' || from.layer === 'cli'
      ? undefined
      : 'only main.ts, cli/ (and tests) import app.ts'
  if (from.layer === 'main')
    return to.layer === 'cli' ? undefined : 'main.ts hands over to cli/ (or app.ts), nothing else'
  if (from.layer === 'app') return undefined
  const jobRule = jobsRule(from, to, typeOnly)
  if (jobRule !== undefined) return jobRule
  // A domain's surface is its index.ts; its types.ts is public too, but for `import type` only.
  const surface =
    to.file === `${to.domain}/index.ts` || (typeOnly && to.file === `${to.domain}/types.ts`)
  if (to.layer === 'domain' && from.domain !== to.domain && !surface)
    return `another domain is imported only through its index.ts (${to.domain}/index.ts)`
  const allowed: Record<Place['layer'], string[]> = {
    lib: ['lib'],
    config: ['lib', 'config'],
    db: ['lib', 'config:type', 'db'],
    infra: ['lib', 'config:type', 'db', 'infra', 'domain:type'],
    domain: ['lib', 'config:type', 'db', 'infra:type', 'domain'],
    demo: ['lib', 'config:type', 'infra:type', 'domain', 'demo'],
    web: ['lib', 'config:type', 'infra:type', 'domain', 'web'],
    client: ['lib'],
    cli: ['lib', 'config', 'db', 'infra', 'domain', 'demo', 'cli'],
    app: [],
    main: [],
    other: [],
  }
  const rules = allowed[from.layer]
  if (!rules.includes(to.layer) && !(typeOnly && rules.includes(`${to.layer}:type`))) {
    const note = rules.includes(`${to.layer}:type`) ? ' except with import type' : ''
    return `${from.domain ?? from.layer}/ may not import ${to.layer}/${note}`
  }
  if (from.layer === 'cli' && to.layer === 'db' && !/^db\/(migrator|database)\.ts$/.test(to.file))
    return 'cli/ uses db/ only to open and migrate the database'
  if (from.layer === 'domain' && to.layer === 'domain' && from.domain !== to.domain) {
    const [a, b] = [DOMAIN_RANK[from.domain ?? ''] ?? 0, DOMAIN_RANK[to.domain ?? ''] ?? 0]
    if (b >= a) return `${from.domain} may import only lower domains; ${to.domain} is not below it`
  }
  return undefined
}

/** A domain's background jobs: `<domain>/jobs/*.ts`, registered with the scheduler by app.ts. */
const isJob = (place: Place): boolean =>
  place.layer === 'domain' && place.file.startsWith(`${place.domain}/jobs/`)

/**
 * The scheduler's rules: it and the locks (infra/scheduler.ts, infra/locks/) know no domain; a
 * job imports its own domain, lib, and infra types only (it calls its service, never SQL).
 */
function jobsRule(from: Place, to: Place, typeOnly: boolean): string | undefined {
  const scheduling = from.file === 'infra/scheduler.ts' || from.file.startsWith('infra/locks/')
  if (scheduling && to.layer === 'domain')
    return 'the scheduler and the locks know no domain: jobs are handed to them'
  if (!isJob(from)) return undefined
  if (to.layer === 'domain' && to.domain !== from.domain)
    return `a job works through its own domain (${from.domain}), not ${to.domain}`
  if (to.layer === 'db') return 'a job calls its domain service, never the database'
  if (to.layer === 'infra' && !typeOnly) return 'a job imports infra types only (import type)'
  return undefined
}

/** Counts lines that hold code: blank lines and comment-only lines (doc comments too) are free. */
function codeLines(file: string): number {
  let inBlock = false
  let count = 0
  for (const raw of fs.readFileSync(path.join(SRC, file), 'utf8').split('\n')) {
    let line = raw.trim()
    if (inBlock) {
      const end = line.indexOf('*/')
      if (end === -1) continue
      inBlock = false
      line = line.slice(end + 2).trim()
    }
    if (line.startsWith('/*')) {
      const end = line.indexOf('*/', 2)
      if (end === -1) inBlock = true
      line = end === -1 ? '' : line.slice(end + 2).trim()
    }
    if (line !== '' && !line.startsWith('//')) count++
  }
  return count
}

/** Fails with every entry of `list` on its own line (no diff: the list is the message). */
function expectNone(label: string, list: string[]): void {
  if (list.length > 0) assert.fail(`${list.length} ${label}:\n  ${list.join('\n  ')}`)
}

const files = sourceFiles(SRC).sort()
const importsByFile = new Map(files.map((file) => [file, importsOf(file)]))

describe('architecture', () => {
  test('every import follows the layer rules of STYLE.md', () => {
    assert.ok(files.includes('app.ts') && files.includes('config.ts'), 'src/ was not walked')
    const violations: string[] = []
    for (const [file, imports] of importsByFile) {
      const from = placeOf(file)
      if (from.layer === 'other') violations.push(`src/${file}: not in a known layer folder`)
      for (const imp of imports) {
        const where = `src/${file}:${imp.line} '${imp.spec}'`
        if (imp.spec === '<computed specifier>') {
          violations.push(`${where}: a computed import() cannot be checked; use a literal`)
          continue
        }
        if (imp.target !== undefined && !files.includes(imp.target)) {
          violations.push(`${where}: does not resolve to a file in src/`)
          continue
        }
        const reason =
          imp.target === undefined
            ? packageRule(from, imp.spec)
            : fileRule(from, placeOf(imp.target), imp.typeOnly)
        if (reason !== undefined) violations.push(`${where}: ${reason}`)
      }
    }
    expectNone('layer violations', violations)
  })

  test("the scheduler, the locks and the domains' jobs are where the rules expect them", () => {
    for (const file of [
      'infra/scheduler.ts',
      'infra/locks/lease.ts',
      'infra/locks/single-process.ts',
    ])
      assert.ok(files.includes(file), `src/${file} is missing`)
    const jobs = files.filter((file) => isJob(placeOf(file)))
    assert.ok(jobs.length > 0, 'no <domain>/jobs/ file found')
    // A job reaches app.ts only through its domain's index.ts, like everything else of a domain.
    const reachedFromOutside = [...importsByFile].flatMap(([file, imports]) =>
      imports
        .filter((i) => i.target !== undefined && jobs.includes(i.target))
        .filter((i) => placeOf(file).domain !== placeOf(i.target ?? '').domain)
        .map((i) => `src/${file}:${i.line} imports ${i.spec}`),
    )
    expectNone('jobs imported from outside their domain', reachedFromOutside)
  })

  test('only cli/io.ts may end the process; the CLI gets env and streams from runCli', () => {
    const offenders = files
      .filter((file) => file.startsWith('cli/') && file !== 'cli/io.ts')
      .flatMap((file) =>
        fs
          .readFileSync(path.join(SRC, file), 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            /\bprocess\.(exit|env|stdout|stderr|on)\b/.test(line) ? [`src/${file}:${i + 1}`] : [],
          ),
      )
    expectNone('uses of the process outside cli/io.ts', offenders)
  })

  test('the compiled server never loads a build tool: esbuild and tsx stay at build time', () => {
    // Build tools are dev dependencies (absent after `npm prune --omit=dev`); only the asset
    // builder may import esbuild, and only a dynamic import() (source runs) may reach it.
    const BUILD_TOOL = /^(esbuild|tsx|typescript)(\/|$)/
    const BUILDER = 'web/assets/build-assets.ts'
    const violations = [...importsByFile].flatMap(([file, imports]) =>
      imports.flatMap((imp) => {
        const where = `src/${file}:${imp.line} '${imp.spec}'`
        if (BUILD_TOOL.test(imp.spec) && !imp.typeOnly && file !== BUILDER)
          return [`${where}: a build tool at run time`]
        if (imp.target === BUILDER && !imp.typeOnly) {
          const text = fs.readFileSync(path.join(SRC, file), 'utf8').split('\n')[imp.line - 1]
          if (!text?.includes('import('))
            return [`${where}: the asset builder, imported statically`]
        }
        return []
      }),
    )
    expectNone('build tools reachable from the server', violations)
    assert.ok(fs.existsSync(path.resolve(SRC, '../tsconfig.build.json')), 'tsconfig.build.json')
  })

  test('there is no import cycle between files', () => {
    // Only runtime edges count: `import type` is erased, so it cannot create a load-order cycle.
    const edges = (file: string): string[] =>
      (importsByFile.get(file) ?? []).flatMap((i) =>
        i.target !== undefined && !i.typeOnly && importsByFile.has(i.target) ? [i.target] : [],
      )
    const cycles = new Set<string>()
    const state = new Map<string, 'open' | 'done'>()
    const stack: string[] = []
    const visit = (file: string): void => {
      state.set(file, 'open')
      stack.push(file)
      for (const next of edges(file)) {
        if (state.get(next) === 'open') {
          const loop = stack.slice(stack.indexOf(next))
          const start = loop.indexOf([...loop].sort()[0] ?? next)
          const canonical = [...loop.slice(start), ...loop.slice(0, start)]
          cycles.add([...canonical, canonical[0]].map((f) => `src/${f}`).join(' → '))
        } else if (!state.has(next)) visit(next)
      }
      stack.pop()
      state.set(file, 'done')
    }
    for (const file of files) if (!state.has(file)) visit(file)
    expectNone('import cycles', [...cycles])
  })

  test(`no file exceeds ${MAX_CODE_LINES} code lines unless allow-listed with a reason`, () => {
    const over = files
      .map((file) => ({ file, lines: codeLines(file) }))
      .filter(({ file, lines }) => lines > MAX_CODE_LINES && SIZE_ALLOWLIST[file] === undefined)
      .map(({ file, lines }) => `src/${file}: ${lines} code lines`)
    const stale = Object.keys(SIZE_ALLOWLIST).filter((file) => !files.includes(file))
    expectNone('over the size budget', [
      ...over,
      ...stale.map((f) => `allow-list names a missing file: ${f}`),
    ])
  })
})

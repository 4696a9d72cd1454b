// ESLint flat config: type-aware rules that catch server bugs, plus the layer rules of STYLE.md.
// @ts-check
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

const DOMAINS = 'accounts|media|newsroom|engagement|comments|search|distribution|imports'

/** One restricted-import pattern: `regex` is matched against the specifier as written. */
const ban = (regex, message, allowTypeImports = false) => ({
  regex,
  message,
  caseSensitive: true,
  allowTypeImports,
})

// Reusable bans; the regexes look at path segments, so they hold at any folder depth.
const noDatabase = [
  ban('^(kysely|pg|better-sqlite3)(/|$)', 'web/ holds no SQL: call a domain service instead.'),
  ban('(^|/)db(/|\\.js$)', 'web/ never imports src/db: call a domain service instead.'),
]
const noWebOrCli = [
  ban('(^|/)(web|cli)(/|\\.js$)', 'Lower layers never import web/ or cli/ (STYLE.md).'),
  ban('(^|/)app\\.js$', 'Only main.ts and cli/ import the composition root.'),
]
const noHttp = [
  ban('^(fastify|fastify-plugin|@fastify/.*)$', 'Domain and render code never know HTTP/Fastify.'),
]
const noDomains = (message, allowTypeImports = false) => [
  ban(`^\\.\\.?/(\\.\\./)*(${DOMAINS}|demo)(/|\\.js$)`, message, allowTypeImports),
]
const noServerCode = [
  ban('^node:', 'Browser code cannot use Node.js modules.'),
  ban(
    '^(fs|path|os|http|https|crypto|stream|url|util|child_process|worker_threads)$',
    'Browser code cannot use Node.js modules.',
  ),
  ban(
    '^(fastify|fastify-plugin|kysely|pg|better-sqlite3|sharp|argon2|pino|sanitize-html|markdown-it)(/|$)',
    'Browser code cannot bundle server packages.',
  ),
  ban(
    `(^|/)(config|app|db|infra|web|cli|demo|${DOMAINS})(/|\\.js$)`,
    'src/client may import only browser-safe src/lib modules.',
  ),
]

/** A flat-config block restricting what `files` may import. */
const layer = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
})

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'data/', 'bench/results/', 'coverage/', 'docs/api/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // projectService reuses one TypeScript program per tsconfig: much faster than `project`.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // With verbatimModuleSyntax, `import { type A }` still loads the module: say `import type`.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // Services are factories returning objects of closures (STYLE.md), never `this`-bound
      // methods, so passing `media.getPhotos` along is safe and this rule would only cry wolf.
      '@typescript-eslint/unbound-method': 'off',
      // An async function without await is the normal way to implement a Promise-returning
      // interface (close(), getMigrations()); flagging it is noise, not a bug.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Plain JS (this file, bin/) is outside the TypeScript program: lint it without types.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Migrations are frozen in time, so they type the database as Kysely<any> (Kysely's advice).
    files: ['src/db/migrations/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // TypeScript's JSX contract is a namespace named JSX, and components take any props.
    files: ['src/web/render/jsx-runtime.ts'],
    rules: {
      '@typescript-eslint/no-namespace': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Tests may leave a test() promise to node:test, which awaits it itself.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
    },
  },

  // Layer rules (STYLE.md "Dependency rules"). A file matching two blocks gets only the last
  // block's options, so the narrower blocks repeat the wider block's bans.
  layer(['src/lib/*.ts'], [ban('^\\.\\./', 'src/lib imports nothing from the rest of src.')]),
  layer(['src/lib/*/**/*.ts'], [ban('^\\.\\./\\.\\./', 'src/lib imports nothing from src.')]),
  layer(
    ['src/config.ts'],
    [ban('^\\./(?!lib/|config/)', 'config.ts imports only src/lib and src/config/.')],
  ),
  layer(
    ['src/config/*.ts'],
    [ban('^\\.\\./(?!lib/|config\\.js$)', 'src/config/ imports only src/lib and config.ts.')],
  ),
  layer(
    ['src/db/**/*.ts'],
    [
      ...noWebOrCli,
      ...noDomains('db/ sits below the domains.'),
      ban('(^|/)infra(/|\\.js$)', 'db/ sits below infra/.'),
    ],
  ),
  layer(
    ['src/infra/**/*.ts'],
    [...noWebOrCli, ...noDomains('infra/ may use domain types only (import type).', true)],
  ),
  layer([`src/{${DOMAINS.replaceAll('|', ',')}}/**/*.{ts,tsx}`], [...noWebOrCli, ...noHttp]),
  layer(
    ['src/demo/**/*.ts'],
    [
      ...noWebOrCli,
      ban('^(kysely|pg|better-sqlite3)(/|$)', 'demo/ writes through domain services.'),
    ],
  ),
  layer(
    ['src/web/**/*.{ts,tsx}'],
    [...noDatabase, ban('(^|/)(cli/|app\\.js$)', 'web/ never imports cli/ or app.ts.')],
  ),
  layer(
    ['src/web/render/**/*.{ts,tsx}'],
    [...noDatabase, ...noHttp, ban('(^|/)(cli/|app\\.js$)', 'web/ never imports cli/ or app.ts.')],
  ),
  layer(['src/client/**/*.ts'], noServerCode),
)

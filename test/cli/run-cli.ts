/** Runs the masthead CLI in this process, as a person would type it, and keeps what it printed. */

import { runCli } from '../../src/cli/main.js'
import type { CliIo } from '../../src/cli/io.js'
import type { TestDatabase } from '../helpers/databases.js'

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** `masthead …args` with `env` (and, for start, `extra` such as signals); never spawns. */
export async function masthead(
  args: string[],
  env: Record<string, string>,
  extra: Partial<CliIo> = {},
): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    ...extra,
  })
  return { code, stdout, stderr }
}

/** MASTHEAD_DATABASE_URL for the suite's database: its SQLite file or its PostgreSQL schema. */
export function databaseUrl(t: TestDatabase): string {
  const { config } = t
  if (config.kind === 'sqlite') return `sqlite:${config.filename}`
  const separator = config.url.includes('?') ? '&' : '?'
  return `${config.url}${separator}options=${encodeURIComponent(`-c search_path=${t.searchPath ?? 'public'}`)}`
}

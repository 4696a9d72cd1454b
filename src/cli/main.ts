/** The `masthead` command line: picks the command from argv and runs it in this process (no side effect on import). */

import { type Command, type CommandContext, UsageError } from './command.js'
import { apiKeyAddCommand, apiKeyListCommand, apiKeyRevokeCommand } from './commands/api-keys.js'
import {
  commentsApproveCommand,
  commentsBanCommand,
  commentsQueueCommand,
  commentsRejectCommand,
  commentsSpamCommand,
} from './commands/comments.js'
import { exportCommand } from './commands/export.js'
import { IMPORT_COMMANDS } from './commands/import/index.js'
import { migrateCommand } from './commands/migrate.js'
import { searchReindexCommand } from './commands/search-reindex.js'
import { seedCommand } from './commands/seed.js'
import { startCommand } from './commands/start.js'
import { storyCorrectCommand } from './commands/story-correct.js'
import { userAddCommand } from './commands/user-add.js'
import {
  userDeactivateCommand,
  userListCommand,
  userResetPasswordCommand,
  userSetRoleCommand,
} from './commands/user-admin.js'
import {
  webhookAddCommand,
  webhookDeliveriesCommand,
  webhookListCommand,
  webhookRemoveCommand,
} from './commands/webhooks.js'
import type { CliIo } from './io.js'
import { reportError } from './report-error.js'

export { type CliIo, processIo } from './io.js'

const COMMANDS: readonly Command[] = [
  startCommand,
  migrateCommand,
  seedCommand,
  userAddCommand,
  userListCommand,
  userSetRoleCommand,
  userDeactivateCommand,
  userResetPasswordCommand,
  apiKeyAddCommand,
  apiKeyListCommand,
  apiKeyRevokeCommand,
  webhookAddCommand,
  webhookListCommand,
  webhookRemoveCommand,
  webhookDeliveriesCommand,
  commentsQueueCommand,
  commentsApproveCommand,
  commentsRejectCommand,
  commentsSpamCommand,
  commentsBanCommand,
  storyCorrectCommand,
  searchReindexCommand,
  exportCommand,
  ...IMPORT_COMMANDS,
]

const usage = `Usage: masthead <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(20)} ${c.summary}`).join('\n')}

Run \`masthead <command> --help\` for a command's options.
Settings come from MASTHEAD_* environment variables (see .env.example).`

/**
 * Runs the command named by `argv` (without node and the script) with `io`'s environment and
 * streams; resolves to the exit code (0 done, 1 failed, 2 usage). Never ends the process itself.
 * @example process.exitCode = await runCli(process.argv.slice(2), processIo())
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const output: CommandContext = {
    out: (line) => void io.stdout.write(`${line}\n`),
    err: (line) => void io.stderr.write(`${line}\n`),
    progress: { isTTY: io.stderr.isTTY === true, write: (text) => void io.stderr.write(text) },
    env: io.env,
    signals: io.signals,
    exitNow: io.exitNow,
  }
  const [first, second] = argv
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    if (first === undefined) output.err(usage)
    else output.out(usage)
    return first === undefined ? 2 : 0
  }
  const twoWords = COMMANDS.find((c) => c.name === `${first} ${second ?? ''}`)
  const command = twoWords ?? COMMANDS.find((c) => c.name === first)
  try {
    if (command === undefined) {
      const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `))
      const message =
        group.length > 0
          ? `unknown ${first} command ${second === undefined ? '(missing)' : `"${second}"`}`
          : `unknown command "${first}"`
      throw new UsageError(message, usage)
    }
    return await command.run(argv.slice(twoWords === undefined ? 1 : 2), output)
  } catch (error) {
    return reportError(error, output)
  }
}

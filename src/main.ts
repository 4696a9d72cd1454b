/** The process entry for `npm start`: the same as `masthead start`. */

import { processOutput } from './cli/command.js'
import { startCommand } from './cli/commands/start.js'
import { reportError } from './cli/report-error.js'

try {
  process.exit(await startCommand.run(process.argv.slice(2), processOutput))
} catch (error) {
  process.exit(reportError(error, processOutput))
}

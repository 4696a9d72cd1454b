/** The process entry for `npm start`: the same as `masthead start`. */

import { processIo, runCli } from './cli/main.js'

process.exitCode = await runCli(['start', ...process.argv.slice(2)], processIo())

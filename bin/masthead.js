#!/usr/bin/env node
// The `masthead` command: runs the compiled CLI (dist/, built by `npm install` or `npm run build`)
// in this process.
const { processIo, runCli } = await import('../dist/server/cli.js')
process.exitCode = await runCli(process.argv.slice(2), processIo())

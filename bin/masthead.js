#!/usr/bin/env node
// The `masthead` command: runs the CLI in this process, TypeScript through tsx's loader for now.
import { register } from 'tsx/esm/api'

register()
const { processIo, runCli } = await import('../src/cli/main.ts')
process.exitCode = await runCli(process.argv.slice(2), processIo())

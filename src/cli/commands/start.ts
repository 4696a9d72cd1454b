/** `masthead start`: migrate, seed the demo on an empty database, serve, and stop cleanly on a signal. */

import { type App, buildApp } from '../../app.js'
import { parseConfig } from '../../config.js'
import { seedDemo } from '../../demo/seed-demo.js'
import type { Command, Output } from '../command.js'
import { printCredentials } from '../credentials.js'
import { parseOptions } from '../parse-options.js'

const help = `Usage: masthead start

Applies pending migrations, generates the demo outlet when the database has no published story
(unless MASTHEAD_DEMO=false), and serves the site on MASTHEAD_HOST:MASTHEAD_PORT.
SIGTERM or SIGINT stops it gracefully; a second signal stops it at once.
Settings come from MASTHEAD_* environment variables (see .env.example).`

export const startCommand: Command = {
  name: 'start',
  summary: 'Migrate, seed the demo on an empty database, and serve the site',
  help,
  run: async (args, output) => {
    if (parseOptions(args, {}, help) === undefined) {
      output.out(help)
      return 0
    }
    const config = parseConfig(process.env)
    const app = await buildApp(config)
    const stopped = stopOnSignals(app, output)
    if (config.demo.seedOnEmpty && (await app.services.newsroom.countPublished()) === 0) {
      output.out(
        `The database has no stories yet: generating the demo outlet (${config.demo.articles} stories)…`,
      )
      const { admin } = await seedDemo(app.services, {
        articles: config.demo.articles,
        seed: 1,
        now: new Date(),
        onProgress: (message) => output.out(`  demo: ${message}`),
      })
      await app.optimizeDatabase()
      await app.services.engagement.refresh()
      printCredentials(output, admin)
    }
    await app.web.listen({ host: config.server.host, port: config.server.port })
    output.out(`Masthead is serving ${config.site.name} at ${serverUrl(app)}`)
    return stopped
  },
}

/** Resolves with exit code 0 once the first SIGTERM/SIGINT has closed the app; a second exits now. */
function stopOnSignals(app: App, output: Output): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        output.err(`masthead: ${signal} again, exiting immediately`)
        process.exit(1)
      }
      stopping = true
      output.out(`Received ${signal}: finishing requests in flight and closing…`)
      app.close().then(
        () => resolve(0),
        (error: unknown) => {
          output.err(
            `masthead: error while closing: ${error instanceof Error ? error.message : String(error)}`,
          )
          resolve(1)
        },
      )
    }
    process.on('SIGTERM', onSignal)
    process.on('SIGINT', onSignal)
  })
}

/** The address a person can open: the port actually bound (MASTHEAD_PORT=0 picks one). */
function serverUrl(app: App): string {
  const address = app.web.server.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : app.config.server.port
  const host = app.config.server.host
  const shown =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  return `http://${shown}:${port}`
}

/** `masthead start`: migrate, seed the demo on an empty database, serve, and stop cleanly on a signal. */

import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../app.js'
import type { Config } from '../../config.js'
import { parseConfig } from '../../config.js'
import type { Scheduler } from '../../infra/scheduler.js'
import { holdTickObjectShape } from '../../infra/tick-object-shape.js'
import type { Command, CommandContext } from '../command.js'
import { printCredentials } from '../credentials.js'
import { leaveCluster, onPrimaryStop, reportServing, type StopSignal } from '../io.js'
import { isClusterWorker, runPrimary } from '../cluster.js'
import { parseOptions, wholeNumberOption } from '../parse-options.js'

const help = `Usage: masthead start [--workers N]

Applies pending migrations, generates the demo outlet when the database has no published story
(unless MASTHEAD_DEMO=false), and serves the site on MASTHEAD_HOST:MASTHEAD_PORT.
SIGTERM or SIGINT stops it gracefully; a second signal stops it at once.
Settings come from MASTHEAD_* environment variables (see .env.example).

Options:
  --workers N  serve with N processes sharing the port (default MASTHEAD_WORKERS, 1); a crashed
               one is restarted, SIGTERM drains them all. N > 1 needs PostgreSQL.
  -h, --help   show this help`

/** Why SQLite refuses several processes (printed as is; docs/scaling.md says the same). */
export const SQLITE_WORKERS_REFUSAL =
  'more than one worker needs PostgreSQL. On SQLite each process keeps its own daily reader ' +
  'memory, page cache and timers: a reader would count once per process, a change would show ' +
  'on the other processes only after the page cache TTL, and jobs would run in every process. ' +
  'Run one process (MASTHEAD_WORKERS=1), or move the site to PostgreSQL (docs/scaling.md).'

/** How long after listening the jobs' first runs wait (see startJobs). */
const WARM_UP_AFTER_MS = 1000

/** What start has built so far, closed in order on a stop. */
interface Parts {
  services: AppServices
  jobs?: Scheduler
  web?: FastifyInstance
}

export const startCommand: Command = {
  name: 'start',
  summary: 'Migrate, seed the demo on an empty database, and serve the site',
  help,
  run: async (args, context) => {
    const options = parseOptions(args, { workers: { type: 'string' } }, help)
    if (options === undefined) {
      context.out(help)
      return 0
    }
    // Before start-up's collections can free nextTick's hidden classes (see tick-object-shape).
    holdTickObjectShape()
    const config = parseConfig(context.env)
    const workers =
      options.workers === undefined
        ? config.scale.workers
        : wholeNumberOption('workers', options.workers, 1, 256, help)
    const worker = isClusterWorker()
    // Loaded on use: `masthead --help` and the other commands do not load the web server.
    const { buildServices, buildWeb, closeApp, startJobs } = await import('../../app.js')
    if (!worker && workers > 1) {
      if (config.database.kind !== 'postgres') {
        context.err(`masthead: ${SQLITE_WORKERS_REFUSAL}`)
        return 1
      }
      // Migrated and seeded once, here, so that the workers never race to do it.
      const services = await buildServices(config)
      let siteName: string
      try {
        await seedWhenEmpty(services, context)
        // The name the admin set (the configured one until then).
        siteName = services.settings.current().siteName
      } finally {
        await services.close()
      }
      return runPrimary(workers, context, siteName)
    }
    const parts: Parts = { services: await buildServices(config) }
    const stop = stopOnSignals(parts, context, closeApp)
    if (worker) onPrimaryStop(() => stop.request('SIGTERM'))
    try {
      if (!worker) await seedWhenEmpty(parts.services, context)
      // A stop asked for while seeding: nothing more is started.
      if (stop.requested()) return await stop.done
      parts.web = await buildWeb(parts.services)
      if (stop.requested()) return await stop.done
      await parts.web.listen({ host: config.server.host, port: config.server.port })
      // The jobs start once the server listens, and their first runs (the engine's warm-up, a
      // second of CPU at 10,000 stories) a moment later, so that the first pages, served with
      // empty rails, never wait for it.
      parts.jobs = startJobs(parts.services, { atStartAfterMs: WARM_UP_AFTER_MS })
    } catch (error) {
      stop.detach()
      await closeApp(parts).catch(() => undefined)
      throw error
    }
    if (!worker) {
      const { siteName } = parts.services.settings.current()
      context.out(`Masthead is serving ${siteName} at ${serverUrl(parts.web, config)}`)
      return stop.done
    }
    reportServing(serverUrl(parts.web, config))
    const code = await stop.done
    leaveCluster()
    return code
  },
}

/** Generates the demo outlet when the database has no published story (and the demo is on). */
async function seedWhenEmpty(services: AppServices, context: CommandContext): Promise<void> {
  const { config } = services
  if (!config.demo.seedOnEmpty || (await services.newsroom.countPublished()) > 0) return
  context.out(
    `The database has no stories yet: generating the demo outlet (${config.demo.articles} stories)…`,
  )
  const { prebuiltPhotosDir, seedDemo } = await import('../../demo/seed-demo.js')
  const { admin } = await seedDemo(services, {
    articles: config.demo.articles,
    seed: 1,
    now: services.clock.now(),
    onProgress: (message) => context.out(`  demo: ${message}`),
    prebuiltPhotosDir: prebuiltPhotosDir(),
  })
  await services.optimizeDatabase()
  // The first page then has its rails at once, without waiting for the jobs' warm-up.
  await services.engagement.refresh()
  printCredentials(context, admin)
}

/**
 * Closes `parts` on the first SIGTERM/SIGINT; `done` resolves with the exit code once closed.
 * A second signal while closing asks the caller to end the process now (exit code 1).
 */
function stopOnSignals(
  parts: Parts,
  context: CommandContext,
  closeApp: (parts: Parts) => Promise<void>,
): {
  done: Promise<number>
  requested(): boolean
  /** Starts the stop as a first signal would; nothing when already stopping. */
  request(signal: NodeJS.Signals): void
  detach(): void
} {
  let stopping = false
  let resolveDone: (code: number) => void = () => {}
  const done = new Promise<number>((resolve) => (resolveDone = resolve))
  const signals: StopSignal[] = ['SIGTERM', 'SIGINT']
  const detach = (): void => {
    for (const signal of signals) context.signals?.off(signal, onSignal)
  }
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      context.err(`masthead: ${signal} again, exiting immediately`)
      detach()
      context.exitNow?.(1)
      resolveDone(1)
      return
    }
    stopping = true
    context.out(`Received ${signal}: finishing requests in flight and closing…`)
    closeApp(parts).then(
      () => resolveDone(0),
      (error: unknown) => {
        context.err(
          `masthead: error while closing: ${error instanceof Error ? error.message : String(error)}`,
        )
        resolveDone(1)
      },
    )
  }
  for (const signal of signals) context.signals?.on(signal, onSignal)
  void done.then(detach)
  return {
    done,
    requested: () => stopping,
    request: (signal) => {
      if (!stopping) onSignal(signal)
    },
    detach,
  }
}

/** The address a person can open: the port actually bound (MASTHEAD_PORT=0 picks one). */
function serverUrl(web: FastifyInstance, config: Config): string {
  const address = web.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : config.server.port
  const host = config.server.host
  const shown =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  return `http://${shown}:${port}`
}

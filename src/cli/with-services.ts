/** Runs a one-off command's work on freshly built services (no jobs, no web), then closes them. */

import type { AppServices } from '../app.js'
import type { Config } from '../config.js'

/**
 * Builds the services for `config`, quiet but for warnings, runs `work`, closes them. The
 * application is imported here, on use: `masthead --help` and usage mistakes then load no
 * database driver, web server or image library.
 * @example return withServices(config, async ({ accounts }) => { … return 0 })
 */
export async function withServices<T>(
  config: Config,
  work: (services: AppServices) => Promise<T>,
): Promise<T> {
  const [{ buildServices }, { createLogger }] = await Promise.all([
    import('../app.js'),
    import('../infra/logger.js'),
  ])
  // JSON request logs have no place in a one-off command; warnings still show.
  const logger = createLogger({ level: config.log.level === 'silent' ? 'silent' : 'warn' })
  const services = await buildServices(config, { logger })
  try {
    return await work(services)
  } finally {
    await services.close()
  }
}

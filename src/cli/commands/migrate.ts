/** `masthead migrate`: applies pending database migrations and says which. */

import { parseConfig } from '../../config.js'
import type { Command } from '../command.js'
import { parseOptions } from '../parse-options.js'

const help = `Usage: masthead migrate

Applies every pending migration to the database named by MASTHEAD_DATABASE_URL
(default sqlite:./data/masthead.db). Safe to run again: it only applies what is missing.`

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations',
  help,
  run: async (args, context) => {
    if (parseOptions(args, {}, help) === undefined) {
      context.out(help)
      return 0
    }
    const config = parseConfig(context.env)
    // Loaded on use, like the application in with-services.ts: --help opens no driver.
    const [{ openDatabase }, { migrateToLatest }] = await Promise.all([
      import('../../db/database.js'),
      import('../../db/migrator.js'),
    ])
    const database = openDatabase(config.database)
    try {
      const applied = await migrateToLatest(database)
      if (applied.length === 0) context.out('The database is up to date: no migration was pending.')
      for (const name of applied) context.out(`Applied migration ${name}`)
      return 0
    } finally {
      await database.close()
    }
  },
}

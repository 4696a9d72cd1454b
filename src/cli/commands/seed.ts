/** `masthead seed`: generates the demo outlet; refuses a database with stories unless --force. */

import { parseConfig } from '../../config.js'
import type { Command } from '../command.js'
import { printCredentials } from '../credentials.js'
import { parseOptions, wholeNumberOption } from '../parse-options.js'
import { withServices } from '../with-services.js'

const help = `Usage: masthead seed [--articles N] [--seed S] [--force]

Generates the demo outlet, The Harbour Ledger: sections, nine authors, N stories published over
the last 60 days with photos, view history, comments and editors' picks, plus an administrator
whose password is printed once.

Options:
  --articles N   how many stories (1 to 200000; default MASTHEAD_DEMO_ARTICLES, 300)
  --seed S       the random seed; the same seed gives the same stories (default 1)
  --force        seed even though the database already has stories (sections, authors and
                 tags are reused; the administrator becomes admin+N@harbourledger.example)
  -h, --help     show this help`

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Generate the demo outlet (The Harbour Ledger)',
  help,
  run: async (args, output) => {
    const values = parseOptions(
      args,
      { articles: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' } },
      help,
    )
    if (values === undefined) {
      output.out(help)
      return 0
    }
    const config = parseConfig(output.env)
    const articles =
      values.articles === undefined
        ? config.demo.articles
        : wholeNumberOption('articles', values.articles, 1, 200_000, help)
    const seed =
      values.seed === undefined ? 1 : wholeNumberOption('seed', values.seed, 0, 2 ** 32 - 1, help)

    return withServices(config, async (services) => {
      const existing = await services.newsroom.countPublished()
      if (existing > 0 && values.force !== true) {
        output.err(
          `masthead: the database already has ${existing} published stories; nothing was changed. ` +
            'Run `masthead seed --force` to add the demo stories anyway.',
        )
        return 1
      }
      output.out(`Generating the demo outlet: ${articles} stories, seed ${seed}…`)
      const { prebuiltPhotosDir, seedDemo } = await import('../../demo/seed-demo.js')
      const result = await seedDemo(services, {
        articles,
        seed,
        now: services.clock.now(),
        onProgress: (message) => output.out(`  ${message}`),
        prebuiltPhotosDir: prebuiltPhotosDir(),
      })
      await services.optimizeDatabase()
      output.out(`Done: ${result.articles} stories published.`)
      printCredentials(output, result.admin)
      return 0
    })
  },
}

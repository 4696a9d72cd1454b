/**
 * A child process for the durability test: opens the app's services on MASTHEAD_DATABASE_URL and
 * saves story STORY_ID again and again as USER_ID, printing "ack <version>" after each save
 * resolves, until it is killed.
 */

import { buildServices } from '../../../src/app.js'
import { parseConfig } from '../../../src/config.js'

const services = await buildServices(parseConfig(process.env))
const storyId = Number(process.env.STORY_ID)
const actor = { userId: Number(process.env.USER_ID), role: 'editor' as const, name: 'Loop' }
let version = (await services.newsroom.stories.get(actor, storyId)).version
for (;;) {
  const saved = await services.newsroom.stories.save(actor, storyId, version, {
    bodyMarkdown: `Body of version ${version + 1}.`,
  })
  version = saved.version
  // Written only after the save resolved: what the test sees is what a client was told.
  process.stdout.write(`ack ${version}\n`)
}

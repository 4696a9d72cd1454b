/** The newsroom's writing path on the seeded archive: the time to save a draft and to publish a story. */

import type { AppServices } from '../../src/app.js'
import { formatMs, type MetricRow, quantile, type ScenarioResult } from './scenario.js'

/** A save is what autosave sends every 10 s; it must feel instant. */
export const SAVE_P99_TARGET_MS = 50
export const PUBLISH_P99_TARGET_MS = 100
const SAVES = 500
const PUBLISHES = 200

/** About 900 words of Markdown in paragraphs, like a long news story. */
function body(round: number): string {
  const paragraph = (i: number): string =>
    `Paragraph ${i} of save ${round}: the council met on Tuesday and argued about the harbour, the ferry timetable, the school roof and the price of parking near the market square.`
  return Array.from({ length: 30 }, (_, i) => paragraph(i)).join('\n\n')
}

/** Saves one draft SAVES times (each based on the version before), then publishes PUBLISHES drafts. */
export async function newsroomScenario({
  services,
}: {
  services: AppServices
}): Promise<ScenarioResult> {
  const { newsroom, accounts } = services
  const { user } = await accounts.addUser({
    email: 'bench-editor@example.org',
    name: 'Bench Editor',
    role: 'editor',
    password: 'bench editor password',
  })
  const actor = { userId: user.id, role: user.role, name: user.name }
  const [section] = await newsroom.listSections()
  const { items } = await newsroom.listArticles({}, 1, 1)
  const authorIds = items[0]?.authors.map((a) => a.id) ?? []
  if (section === undefined || authorIds.length === 0)
    throw new Error('the archive has no section or author')
  const draft = (headline: string) =>
    newsroom.stories.create(actor, {
      headline,
      bodyMarkdown: body(0),
      sectionId: section.id,
      authorIds,
    })

  const saves: number[] = []
  let story = await draft('Bench draft saved again and again')
  for (let i = 1; i <= SAVES; i++) {
    const started = performance.now()
    story = await newsroom.stories.save(actor, story.id, story.version, { bodyMarkdown: body(i) })
    saves.push(performance.now() - started)
  }

  const publishes: number[] = []
  for (let i = 0; i < PUBLISHES; i++) {
    const target = await draft(`Bench story published ${i}`)
    const started = performance.now()
    await newsroom.stories.publish(actor, target.id)
    publishes.push(performance.now() - started)
  }

  const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b)
  const s = sorted(saves)
  const p = sorted(publishes)
  const data = {
    saves: SAVES,
    publishes: PUBLISHES,
    saveP50Ms: quantile(s, 0.5),
    saveP99Ms: quantile(s, 0.99),
    publishP50Ms: quantile(p, 0.5),
    publishP99Ms: quantile(p, 0.99),
  }
  const rows: MetricRow[] = [
    { metric: 'save a draft p50', value: formatMs(data.saveP50Ms), target: '', pass: undefined },
    {
      metric: 'save a draft p99',
      value: formatMs(data.saveP99Ms),
      target: `< ${SAVE_P99_TARGET_MS} ms`,
      pass: data.saveP99Ms < SAVE_P99_TARGET_MS,
    },
    { metric: 'publish p50', value: formatMs(data.publishP50Ms), target: '', pass: undefined },
    {
      metric: 'publish p99',
      value: formatMs(data.publishP99Ms),
      target: `< ${PUBLISH_P99_TARGET_MS} ms`,
      pass: data.publishP99Ms < PUBLISH_P99_TARGET_MS,
    },
  ]
  return { name: 'newsroom', data, rows }
}

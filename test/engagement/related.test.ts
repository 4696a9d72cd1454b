/** "You May Also Like" from the engine on every database: corpus precision, co-reading, publishing. */

import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { toDbTime } from '../../src/db/time-codec.js'
import { createEngagement, type Engagement } from '../../src/engagement/index.js'
import { createLogger } from '../../src/infra/logger.js'
import type { Article, Section } from '../../src/newsroom/index.js'
import { forEachDatabase } from '../helpers/databases.js'
import {
  newsroomFixture,
  NOW,
  type NewsroomFixture,
  unique,
} from '../newsroom/newsroom-fixtures.js'
import { CORPUS, type CorpusStory } from './related-corpus.js'

const logger = createLogger({ level: 'silent' })
const DAY = 86_400_000

forEachDatabase('related stories', (t) => {
  let f: NewsroomFixture
  let engagement: Engagement
  const corpus: { story: CorpusStory; article: Article }[] = []
  const topicOf = new Map<number, string>()

  before(async () => {
    f = await newsroomFixture(t.handle.db)
    const sections = new Map<string, Section>()
    for (const name of ['Asia', 'World', 'Business', 'Debate'])
      sections.set(name, await f.newsroom.createSection({ name: unique(name) }))
    for (const [i, story] of CORPUS.entries()) {
      const article = await f.story({
        headline: story.headline,
        dek: story.dek,
        bodyMarkdown: story.body,
        tagNames: story.tags,
        sectionId: sections.get(story.section)?.id ?? f.section.id,
        publishedAt: new Date(NOW.getTime() - (i + 1) * DAY),
      })
      corpus.push({ story, article })
      topicOf.set(article.id, story.topic)
    }
    engagement = createEngagement({
      db: t.handle.db,
      clock: f.clock,
      newsroom: f.newsroom,
      logger,
      bus: f.bus,
    })
    await engagement.refresh()
  })

  const relatedIds = async (id: number, limit = 5): Promise<number[]> =>
    (await engagement.related(id, { limit })).map((e) => e.story.id)

  test('precision@5 on the hand-written corpus is at least 0.8', async () => {
    let sum = 0
    for (const { story, article } of corpus) {
      const top = await relatedIds(article.id)
      assert.equal(top.length, 5)
      assert.ok(!top.includes(article.id))
      sum += top.filter((id) => topicOf.get(id) === story.topic).length / 5
    }
    const precision = sum / corpus.length
    assert.ok(precision >= 0.8, `precision@5 ${precision.toFixed(2)}`)
  })

  test('strong co-reading moves a story up; the page rail follows', async () => {
    const source = corpus[0]!.article
    const before = await relatedIds(source.id, 6)
    const lifted = before.at(-1)!
    assert.notEqual(before[0], lifted)
    const rows = [
      { article_id: source.id, other_article_id: lifted, reads: 60 },
      { article_id: lifted, other_article_id: source.id, reads: 60 },
    ].map((r) => ({ ...r, last_read_at: toDbTime(NOW) }))
    await t.handle.db.insertInto('article_co_reads').values(rows).execute()
    // Co-reads are recorded as a story is read: its new views make the refresh re-read its pairs.
    await engagement.addViews(source.id, NOW, 1)
    await engagement.refresh()
    const after = await relatedIds(source.id, 6)
    assert.equal(after[0], lifted)
    assert.equal((await engagement.articleRails(source.id)).related[0]?.id, lifted)
  })

  test('publishing, editing and unpublishing reach the index with the sync job, without a refresh', async () => {
    const source = corpus.find((c) => c.story.topic === 'typhoon')!.article
    const published = await f.story({
      headline: 'Typhoon floods villages and rice fields again',
      bodyMarkdown: 'Rescue boats evacuated flooded villages as the typhoon rain kept falling.',
      tagNames: ['Typhoon', 'Floods'],
      publishedAt: new Date(NOW.getTime() - 60_000),
    })
    // What the engagement.sync-stories job runs; the publish event only noted the story.
    await engagement.syncStories()
    assert.ok((await relatedIds(source.id)).includes(published.id))
    // The rankings were recomputed too: the new story tops its section's latest.
    const neighbour = await f.story({ publishedAt: new Date(NOW.getTime() - 120_000) })
    await engagement.syncStories()
    assert.equal((await engagement.articleRails(neighbour.id)).latest[0]?.id, published.id)

    await f.newsroom.updateArticle(published.id, {
      headline: 'Teachers and pupils return to crowded classrooms',
      bodyMarkdown: 'Schools reopened and teachers taught pupils in crowded classrooms.',
      tagNames: ['Schools'],
    })
    await engagement.syncStories()
    assert.ok(!(await relatedIds(source.id)).includes(published.id))
    const school = corpus.find((c) => c.story.topic === 'schools')!.article
    assert.ok((await relatedIds(school.id)).includes(published.id))

    await t.handle.db
      .updateTable('articles')
      .set({ status: 'draft' })
      .where('id', '=', published.id)
      .execute()
    await f.bus.publish('article.unpublished', {
      articleId: published.id,
      slug: published.slug,
      sectionSlug: published.section.slug,
      authorIds: [],
      tagIds: [],
    })
    await engagement.syncStories()
    assert.ok(!(await relatedIds(school.id, 30)).includes(published.id))
    assert.equal(await engagement.viewCount(published.id), 0)
  })

  test('an unknown story has no related stories', async () => {
    assert.deepEqual(await engagement.related(999_999, { limit: 5 }), [])
    await engagement.close()
  })
})

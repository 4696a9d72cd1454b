/** The webhooks.deliver job in the whole app: the app's own bus queues, the job sends. */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startJobs } from '../../../src/app.js'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'
import { newsroomFixture } from '../../newsroom/newsroom-fixtures.js'
import { type Receiver, receiverAccepts, startReceiver } from '../webhook-receiver.js'

let testApp: TestApp
let receiver: Receiver
before(async () => {
  testApp = await buildTestApp()
  receiver = await startReceiver()
})
after(async () => {
  await receiver.close()
  await testApp.dispose()
})

test('a story published and a comment shown reach the receiver when the job runs', async () => {
  const { services } = testApp.app
  const { secret } = await services.webhooks.add(receiver.url, [
    'article.published',
    'comment.published',
  ])
  const fixture = await newsroomFixture(services.database.db)
  const section = fixture.section
  const draft = await services.newsroom.createArticle({
    headline: 'Lifeboat crew rescues three',
    bodyMarkdown: 'The crew launched at dawn.',
    sectionId: section.id,
    authorIds: [fixture.author.id],
    status: 'published',
    publishedAt: new Date(services.clock.nowMs() - 60_000),
  })
  const comment = await services.comments.post({
    articleId: draft.id,
    authorName: 'Harbour reader',
    body: 'Well done to the crew.',
    reader: { address: '192.0.2.7', userAgent: 'test' },
  })
  assert.equal(comment.status, 'published')

  const jobs = startJobs(services)
  try {
    assert.equal(await jobs.runNow('webhooks.deliver'), true)
  } finally {
    await jobs.stop()
  }
  assert.deepEqual(
    receiver.received.map((r) => r.headers['masthead-event']),
    ['article.published', 'comment.published'],
  )
  const now = Math.floor(services.clock.nowMs() / 1000)
  assert.ok(receiver.received.every((r) => receiverAccepts(secret, r, now)))
  const published = receiver.received[1]?.json as unknown as {
    comment: { id: number }
    story: { id: number; url: string }
  }
  assert.equal(published.comment.id, comment.id)
  assert.equal(published.story.id, draft.id)
  assert.match(published.story.url, /^http:\/\/127\.0\.0\.1:3000\//)
})

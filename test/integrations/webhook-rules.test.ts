/** The pure webhook rules and the signature: URLs, events, backoff, sign and verify. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { backoffMs, parseWebhookEvents, webhookUrl } from '../../src/integrations/webhook-rules.js'
import { signatureHeader, verifySignature } from '../../src/integrations/webhook-signature.js'

describe('webhook rules', () => {
  test('only http(s) URLs without credentials are accepted, without their fragment', () => {
    assert.equal(
      webhookUrl(' https://hooks.example.org/a?b=1#x '),
      'https://hooks.example.org/a?b=1',
    )
    assert.equal(webhookUrl('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080/')
    for (const bad of ['', 'ftp://example.org/', 'file:///etc/passwd', 'https://u:p@x.org/', 'x'])
      assert.equal(webhookUrl(bad), undefined, bad)
    assert.equal(webhookUrl(`https://example.org/${'a'.repeat(2000)}`), undefined)
  })

  test('events are deduplicated in catalogue order and unknown names are set apart', () => {
    assert.deepEqual(
      parseWebhookEvents(['article.updated', ' article.published', 'article.updated']),
      {
        events: ['article.published', 'article.updated'],
        unknown: [],
      },
    )
    assert.deepEqual(parseWebhookEvents(['comment.posted', '']).unknown, ['comment.posted'])
  })

  test('the backoff grows from 30 s to hours, then repeats its last step', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffMs(n) / 1000),
      [30, 120, 600, 3600, 21_600, 28_800, 28_800, 28_800],
    )
  })
})

describe('webhook signature', () => {
  const body = '{"event":"article.published"}'

  test('signs "<t>.<body>" and verifies within the tolerance only', () => {
    const header = signatureHeader('whsec_test', 1_764_790_000, body)
    assert.match(header, /^t=1764790000,v1=[0-9a-f]{64}$/)
    assert.ok(verifySignature('whsec_test', header, body, 1_764_790_100))
    assert.ok(!verifySignature('whsec_test', header, body, 1_764_790_301))
    assert.ok(!verifySignature('whsec_other', header, body, 1_764_790_000))
    assert.ok(!verifySignature('whsec_test', header, body + ' ', 1_764_790_000))
    assert.ok(!verifySignature('whsec_test', 't=abc,v1=00', body, 1_764_790_000))
  })
})

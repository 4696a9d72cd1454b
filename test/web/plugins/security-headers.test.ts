/** Security headers on every response, strict CSP, and HSTS only for https sites. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { pluginApp } from './plugin-app.js'

describe('security headers', () => {
  test('every response carries the headers, errors included, with no inline script allowed', async () => {
    const app = await pluginApp()
    app.get('/ok', async () => 'fine')
    app.get('/boom', async () => {
      throw new Error('kaput')
    })
    for (const url of ['/ok', '/boom', '/nowhere']) {
      const response = await app.inject({ url })
      const csp = String(response.headers['content-security-policy'])
      const scriptSrc = csp.split(';').find((part) => part.trim().startsWith('script-src'))
      assert.equal(scriptSrc?.trim(), "script-src 'self'", url)
      assert.ok(!csp.includes('unsafe-inline'), url)
      assert.ok(csp.includes("frame-ancestors 'none'"), url)
      assert.ok(csp.includes("object-src 'none'"), url)
      assert.equal(response.headers['x-content-type-options'], 'nosniff')
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin')
      assert.equal(response.headers['x-frame-options'], 'DENY')
      assert.equal(response.headers['cross-origin-opener-policy'], 'same-origin')
      assert.match(String(response.headers['permissions-policy']), /camera=\(\)/)
    }
    await app.close()
  })

  test('an http site gets neither HSTS nor upgrade-insecure-requests', async () => {
    const app = await pluginApp({ siteUrl: 'http://127.0.0.1:3000' })
    const response = await app.inject({ url: '/' })
    assert.equal(response.headers['strict-transport-security'], undefined)
    assert.ok(!String(response.headers['content-security-policy']).includes('upgrade-insecure'))
    await app.close()
  })

  test('an https site gets HSTS and upgrade-insecure-requests', async () => {
    const app = await pluginApp({ siteUrl: 'https://news.example' })
    const response = await app.inject({ url: '/' })
    assert.match(String(response.headers['strict-transport-security']), /^max-age=\d+/)
    assert.ok(
      String(response.headers['content-security-policy']).includes('upgrade-insecure-requests'),
    )
    await app.close()
  })
})

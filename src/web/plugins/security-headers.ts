/** Sets the security headers on every response, computed once from the site's URL. */

import fp from 'fastify-plugin'

export interface SecurityHeadersOptions {
  /** The public site URL (config.site.url); https turns on HSTS and upgrade-insecure-requests. */
  siteUrl: string
}

/** The header set for a site served at `siteUrl`; exported so tests and docs can read it. */
export function securityHeaders(siteUrl: string): Readonly<Record<string, string>> {
  const https = new URL(siteUrl).protocol === 'https:'
  // No 'unsafe-inline' anywhere: every script and style is a same-origin file (see static-assets).
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'cross-origin-opener-policy': 'same-origin',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}

/** Adds the security headers to every reply, cache hits and errors included. */
export const securityHeadersPlugin = fp<SecurityHeadersOptions>(
  async (app, { siteUrl }) => {
    const headers = securityHeaders(siteUrl)
    // onRequest (not onSend) so the headers are already in place when a cache hit answers early.
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers)
      done()
    })
  },
  { name: 'masthead-security-headers' },
)

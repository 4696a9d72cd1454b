/** Tests parseConfig: defaults, fallbacks, URL parsing, errors that name the variable, freezing. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { describe, test } from 'node:test'
import { CONFIG_VARIABLES, ConfigError, type Env, parseConfig } from '../src/config.js'

const CWD = path.resolve('/srv/masthead')

/** Asserts that parsing `env` throws a ConfigError naming `variable`. */
function assertRejects(env: Env, variable: string): void {
  assert.throws(
    () => parseConfig(env, CWD),
    (error: unknown) => error instanceof ConfigError && error.variable === variable,
    `expected a ConfigError for ${variable} from ${JSON.stringify(env)}`,
  )
}

describe('parseConfig', () => {
  test('an empty environment gives the documented defaults', () => {
    assert.deepEqual(parseConfig({}, CWD), {
      server: {
        host: '127.0.0.1',
        port: 3000,
        trustProxy: false,
        requestTimeoutMs: 30_000,
        headersTimeoutMs: 10_000,
        keepAliveTimeoutMs: 5000,
        connectionTimeoutMs: 60_000,
      },
      site: { url: 'http://127.0.0.1:3000', name: 'The Harbour Ledger', language: 'en' },
      database: { kind: 'sqlite', filename: path.join(CWD, 'data/masthead.db'), cacheMiB: 4 },
      media: { dir: path.join(CWD, 'data/media'), uploadMaxBytes: 20 * 1024 * 1024 },
      log: { level: 'info' },
      demo: { seedOnEmpty: true, articles: 300 },
      pageCache: { maxBytes: 32 * 1024 * 1024 },
      engagement: { viewFlushMs: 1000, viewsPerAddressPerStory: 20 },
      rankings: { popularHalfLifeHours: 6 },
      scale: { bus: 'in-process', workers: 1 },
      cdn: {
        sMaxAge: 0,
        staleWhileRevalidate: 0,
        staleIfError: 0,
        tagHeader: 'none',
        purge: { provider: 'none' },
      },
      api: { ratePerMinute: 600, corsOrigins: [], webhookMaxAttempts: 8 },
      comments: {
        mode: 'open',
        bannedWords: [],
        holdFirst: false,
        ratePerMinute: 5,
        ratePerDay: 30,
        addressRatePerMinute: 10,
        addressRatePerDay: 100,
        reportsToHide: 3,
        reportsPerHour: 10,
        minSubmitSeconds: 3,
      },
      newsroom: {
        sessionIdleMs: 4 * 3_600_000,
        sessionMaxMs: 168 * 3_600_000,
        signInLockMs: 900_000,
        authorsMayPublish: false,
        publishCheckMs: 15_000,
      },
      mail: { smtpUrl: undefined, from: 'newsroom@127.0.0.1' },
      distribution: { feedContent: 'full', robotsDisallow: [], shareUtm: null },
    })
  })

  test('newsroom session, publishing and mail settings are read and checked', () => {
    const config = parseConfig(
      {
        MASTHEAD_SESSION_IDLE_MINUTES: '30',
        MASTHEAD_SESSION_MAX_HOURS: '12',
        MASTHEAD_SIGN_IN_LOCK_MINUTES: '5',
        MASTHEAD_AUTHORS_MAY_PUBLISH: 'yes',
        MASTHEAD_PUBLISH_CHECK_SECONDS: '2',
        MASTHEAD_SMTP_URL: 'smtps://user:secret@mail.example.org',
        MASTHEAD_MAIL_FROM: 'desk@example.org',
      },
      CWD,
    )
    assert.deepEqual(config.newsroom, {
      sessionIdleMs: 30 * 60_000,
      sessionMaxMs: 12 * 3_600_000,
      signInLockMs: 5 * 60_000,
      authorsMayPublish: true,
      publishCheckMs: 2000,
    })
    assert.deepEqual(config.mail, {
      smtpUrl: 'smtps://user:secret@mail.example.org',
      from: 'desk@example.org',
    })
    assert.throws(() => parseConfig({ MASTHEAD_SESSION_IDLE_MINUTES: '1' }, CWD), {
      variable: 'MASTHEAD_SESSION_IDLE_MINUTES',
    })
    assert.throws(() => parseConfig({ MASTHEAD_AUTHORS_MAY_PUBLISH: 'sometimes' }, CWD), {
      variable: 'MASTHEAD_AUTHORS_MAY_PUBLISH',
    })
    // Over a minute would break the promise that scheduled stories go live within 60 s.
    assert.throws(() => parseConfig({ MASTHEAD_PUBLISH_CHECK_SECONDS: '61' }, CWD), {
      variable: 'MASTHEAD_PUBLISH_CHECK_SECONDS',
    })
    assert.throws(
      () => parseConfig({ MASTHEAD_SMTP_URL: 'http://user:secret@mail.example.org' }, CWD),
      (error: Error & { variable?: string }) =>
        error.variable === 'MASTHEAD_SMTP_URL' && !error.message.includes('secret'),
    )
    assert.throws(() => parseConfig({ MASTHEAD_MAIL_FROM: 'not an address' }, CWD), {
      variable: 'MASTHEAD_MAIL_FROM',
    })
  })

  test('the distribution settings: feed content, robots.txt rules and share-link campaigns', () => {
    const distribution = (env: Env) => parseConfig(env, CWD).distribution
    assert.equal(distribution({ MASTHEAD_FEED_CONTENT: 'excerpt' }).feedContent, 'excerpt')
    assert.deepEqual(
      distribution({ MASTHEAD_ROBOTS_DISALLOW: ' /print/, /drafts/,,/print/' }).robotsDisallow,
      ['/print/', '/drafts/'],
    )
    assert.deepEqual(distribution({ MASTHEAD_SHARE_UTM_CAMPAIGN: 'autumn' }).shareUtm, {
      medium: 'social',
      campaign: 'autumn',
    })
    assertRejects({ MASTHEAD_FEED_CONTENT: 'summary' }, 'MASTHEAD_FEED_CONTENT')
    for (const bad of ['print/', '/a b', '/x#y'])
      assertRejects({ MASTHEAD_ROBOTS_DISALLOW: bad }, 'MASTHEAD_ROBOTS_DISALLOW')
    assertRejects({ MASTHEAD_SHARE_UTM_MEDIUM: 'a&b=c' }, 'MASTHEAD_SHARE_UTM_MEDIUM')
  })

  test('MASTHEAD_POPULAR_HALF_LIFE_HOURS sets the Popular Now half-life and refuses bad values', () => {
    const hours = (value: string): number =>
      parseConfig({ MASTHEAD_POPULAR_HALF_LIFE_HOURS: value }, CWD).rankings.popularHalfLifeHours
    assert.equal(hours('12'), 12)
    assert.equal(hours('1.5'), 1.5)
    for (const bad of ['0', '-3', 'six', '169', '1e3']) {
      assertRejects({ MASTHEAD_POPULAR_HALF_LIFE_HOURS: bad }, 'MASTHEAD_POPULAR_HALF_LIFE_HOURS')
    }
  })

  test('MASTHEAD_BUS follows the database unless set; MASTHEAD_WORKERS is 1 to 256', () => {
    const pg = { MASTHEAD_DATABASE_URL: 'postgres://masthead@127.0.0.1:5432/news' }
    assert.deepEqual(parseConfig(pg).scale, { bus: 'postgres', workers: 1 })
    assert.equal(parseConfig({ ...pg, MASTHEAD_BUS: 'in-process' }).scale.bus, 'in-process')
    assert.equal(parseConfig({ MASTHEAD_BUS: 'auto' }).scale.bus, 'in-process')
    assert.equal(parseConfig({ ...pg, MASTHEAD_WORKERS: '4' }).scale.workers, 4)
    assertRejects({ MASTHEAD_BUS: 'postgres' }, 'MASTHEAD_BUS')
    assertRejects({ MASTHEAD_BUS: 'redis' }, 'MASTHEAD_BUS')
    assertRejects({ MASTHEAD_WORKERS: '0' }, 'MASTHEAD_WORKERS')
    assertRejects({ MASTHEAD_WORKERS: 'many' }, 'MASTHEAD_WORKERS')
  })

  test('empty and blank values count as unset', () => {
    const config = parseConfig({ MASTHEAD_PORT: '', MASTHEAD_SITE_NAME: '   ' }, CWD)
    assert.equal(config.server.port, 3000)
    assert.equal(config.site.name, 'The Harbour Ledger')
  })

  test('PORT is the fallback for MASTHEAD_PORT, and MASTHEAD_PORT wins', () => {
    const fallback = parseConfig({ PORT: '8080' }, CWD)
    assert.equal(fallback.server.port, 8080)
    assert.equal(fallback.site.url, 'http://127.0.0.1:8080')
    assert.equal(parseConfig({ PORT: '8080', MASTHEAD_PORT: '9090' }, CWD).server.port, 9090)
  })

  test('DATABASE_URL is the fallback for MASTHEAD_DATABASE_URL, and MASTHEAD_DATABASE_URL wins', () => {
    assert.deepEqual(
      parseConfig({ DATABASE_URL: 'postgres://app@db.internal/news' }, CWD).database,
      {
        kind: 'postgres',
        url: 'postgres://app@db.internal/news',
        preparedStatements: 300,
      },
    )
    const both = {
      DATABASE_URL: 'postgres://app@db.internal/news',
      MASTHEAD_DATABASE_URL: 'sqlite:x.db',
    }
    assert.deepEqual(parseConfig(both, CWD).database, {
      kind: 'sqlite',
      filename: path.join(CWD, 'x.db'),
      cacheMiB: 4,
    })
  })

  test('parses sqlite URLs: relative, absolute, triple-slash and in-memory', () => {
    const filename = (url: string): unknown => {
      const database = parseConfig({ MASTHEAD_DATABASE_URL: url }, CWD).database
      return database.kind === 'sqlite' ? database.filename : database.kind
    }
    assert.equal(filename('sqlite:./data/site.db'), path.join(CWD, 'data/site.db'))
    assert.equal(filename('sqlite:/var/lib/masthead/site.db'), '/var/lib/masthead/site.db')
    assert.equal(filename('sqlite:///var/lib/masthead/site.db'), '/var/lib/masthead/site.db')
    assert.equal(filename('sqlite::memory:'), ':memory:')
  })

  test('parses postgres:// and postgresql:// URLs unchanged', () => {
    for (const url of ['postgres://u:p@127.0.0.1:5432/news', 'postgresql://u@db/news?ssl=true']) {
      assert.deepEqual(parseConfig({ MASTHEAD_DATABASE_URL: url }, CWD).database, {
        kind: 'postgres',
        url,
        preparedStatements: 300,
      })
    }
  })

  test('normalises the site URL and derives it from an IPv6 or wildcard host', () => {
    const site = (env: Env): string => parseConfig(env, CWD).site.url
    assert.equal(
      site({ MASTHEAD_SITE_URL: 'https://news.example.org/' }),
      'https://news.example.org',
    )
    assert.equal(
      site({ MASTHEAD_SITE_URL: 'https://example.org/news//' }),
      'https://example.org/news',
    )
    assert.equal(site({ MASTHEAD_HOST: '::1' }), 'http://[::1]:3000')
    assert.equal(site({ MASTHEAD_HOST: '0.0.0.0', MASTHEAD_PORT: '8000' }), 'http://127.0.0.1:8000')
  })

  test('reads booleans, numbers and the log level', () => {
    const config = parseConfig(
      {
        MASTHEAD_TRUST_PROXY: '2',
        MASTHEAD_DEMO: 'off',
        MASTHEAD_DEMO_ARTICLES: '10000',
        MASTHEAD_PAGE_CACHE_MB: '0',
        MASTHEAD_SQLITE_CACHE_MB: '64',
        MASTHEAD_LOG_LEVEL: 'silent',
        MASTHEAD_MEDIA_DIR: '/var/media',
        MASTHEAD_UPLOAD_MAX_MB: '5',
      },
      CWD,
    )
    assert.equal(config.server.trustProxy, 2)
    assert.deepEqual(config.demo, { seedOnEmpty: false, articles: 10000 })
    assert.equal(config.pageCache.maxBytes, 0)
    assert.equal(config.database.kind === 'sqlite' && config.database.cacheMiB, 64)
    assert.equal(config.log.level, 'silent')
    assert.equal(config.media.dir, '/var/media')
    assert.equal(config.media.uploadMaxBytes, 5 * 1024 * 1024)
  })

  test('each bad value throws a ConfigError naming its variable', () => {
    const cases: [string, string][] = [
      ['MASTHEAD_HOST', 'not a host!'],
      ['MASTHEAD_PORT', '70000'],
      ['MASTHEAD_UPLOAD_MAX_MB', '0'],
      ['MASTHEAD_UPLOAD_MAX_MB', 'big'],
      ['MASTHEAD_PORT', 'http'],
      ['MASTHEAD_PORT', '-1'],
      ['MASTHEAD_PORT', '80.5'],
      ['PORT', 'eighty'],
      ['MASTHEAD_TRUST_PROXY', 'maybe'],
      ['MASTHEAD_SITE_URL', 'ftp://news.example.org'],
      ['MASTHEAD_SITE_URL', 'news.example.org'],
      ['MASTHEAD_SITE_NAME', 'x'.repeat(81)],
      ['MASTHEAD_SITE_LANGUAGE', 'English'],
      ['MASTHEAD_DATABASE_URL', 'mysql://127.0.0.1/news'],
      ['MASTHEAD_DATABASE_URL', 'sqlite:'],
      ['MASTHEAD_DATABASE_URL', 'postgres://[broken'],
      ['DATABASE_URL', 'news.db'],
      ['MASTHEAD_LOG_LEVEL', 'verbose'],
      ['MASTHEAD_DEMO', 'sometimes'],
      ['MASTHEAD_DEMO_ARTICLES', '0'],
      ['MASTHEAD_DEMO_ARTICLES', '200001'],
      ['MASTHEAD_PAGE_CACHE_MB', '-5'],
      ['MASTHEAD_SQLITE_CACHE_MB', '0'],
      ['MASTHEAD_PG_PREPARED_STATEMENTS', '-1'],
      ['MASTHEAD_PG_PREPARED_STATEMENTS', '5001'],
      ['MASTHEAD_API_RATE_PER_MINUTE', 'lots'],
      ['MASTHEAD_API_CORS_ORIGINS', 'ftp://files.example.org'],
      ['MASTHEAD_API_CORS_ORIGINS', 'https://app.example.org/path'],
    ]
    for (const [variable, value] of cases) assertRejects({ [variable]: value }, variable)
  })

  test('PostgreSQL names up to 300 repeated SQL texts unless told otherwise', () => {
    const postgres = (env: Record<string, string>) =>
      parseConfig({ MASTHEAD_DATABASE_URL: 'postgres://db.internal/news', ...env }, CWD).database
    assert.deepEqual(postgres({}), {
      kind: 'postgres',
      url: 'postgres://db.internal/news',
      preparedStatements: 300,
    })
    const off = postgres({ MASTHEAD_PG_PREPARED_STATEMENTS: '0' })
    assert.equal(off.kind === 'postgres' && off.preparedStatements, 0)
  })

  test('reads the Content API origins: a list, or any', () => {
    const origins = (raw: string): readonly string[] =>
      parseConfig({ MASTHEAD_API_CORS_ORIGINS: raw }, CWD).api.corsOrigins
    assert.deepEqual(origins('https://app.example.org, http://127.0.0.1:8080/'), [
      'https://app.example.org',
      'http://127.0.0.1:8080',
    ])
    assert.deepEqual(origins('*'), ['*'])
  })

  test('the result is deep-frozen', () => {
    const config = parseConfig({}, CWD)
    const visit = (value: unknown, at: string): void => {
      if (value === null || typeof value !== 'object') return
      assert.ok(Object.isFrozen(value), `${at} is not frozen`)
      for (const [key, inner] of Object.entries(value)) visit(inner, `${at}.${key}`)
    }
    visit(config, 'config')
    assert.throws(() => {
      ;(config.server as { port: number }).port = 1
    }, TypeError)
  })

  test('.env.example documents every variable parseConfig reads, and no other', () => {
    const example = fs.readFileSync(path.resolve(import.meta.dirname, '../.env.example'), 'utf8')
    const documented = new Set(
      [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] ?? ''),
    )
    const missing = CONFIG_VARIABLES.filter((name) => !documented.has(name))
    assert.deepEqual(missing, [], `.env.example lacks ${missing.join(', ')}`)
    const known = new Set<string>(CONFIG_VARIABLES)
    const unknown = [...documented].filter((name) => !known.has(name))
    assert.deepEqual(unknown, [], `.env.example names variables config.ts never reads`)
  })

  test('MASTHEAD_VIEW_FLUSH_MS sets the view flush interval, 1000 ms by default', () => {
    assert.equal(parseConfig({}, CWD).engagement.viewFlushMs, 1000)
    assert.equal(parseConfig({ MASTHEAD_VIEW_FLUSH_MS: '250' }, CWD).engagement.viewFlushMs, 250)
    for (const value of ['99', '60001', '1s', '-1']) {
      assertRejects({ MASTHEAD_VIEW_FLUSH_MS: value }, 'MASTHEAD_VIEW_FLUSH_MS')
    }
  })

  test('MASTHEAD_TRUST_PROXY takes false, a hop count or proxy addresses, and refuses true', () => {
    const trust = (value: string) =>
      parseConfig({ MASTHEAD_TRUST_PROXY: value }, CWD).server.trustProxy
    assert.equal(trust('false'), false)
    assert.equal(trust('0'), false)
    assert.equal(trust('1'), 1)
    assert.equal(trust('3'), 3)
    assert.deepEqual(trust('10.0.0.1'), ['10.0.0.1'])
    assert.deepEqual(trust('10.0.0.0/8, 192.168.1.7,fd00::/8,loopback'), [
      '10.0.0.0/8',
      '192.168.1.7',
      'fd00::/8',
      'loopback',
    ])
    // "Trust every hop" would believe whatever a client writes into X-Forwarded-For.
    for (const bad of ['true', 'yes', 'on', '17', '10.0.0.0/33', 'proxy.local', '1.2.3.4/8/1']) {
      assertRejects({ MASTHEAD_TRUST_PROXY: bad }, 'MASTHEAD_TRUST_PROXY')
    }
  })

  test('the server timeouts are read in milliseconds and a request timeout under the headers one is refused', () => {
    const server = parseConfig(
      {
        MASTHEAD_REQUEST_TIMEOUT_MS: '20000',
        MASTHEAD_HEADERS_TIMEOUT_MS: '5000',
        MASTHEAD_KEEP_ALIVE_TIMEOUT_MS: '65000',
        MASTHEAD_CONNECTION_TIMEOUT_MS: '0',
      },
      CWD,
    ).server
    assert.equal(server.requestTimeoutMs, 20_000)
    assert.equal(server.headersTimeoutMs, 5000)
    assert.equal(server.keepAliveTimeoutMs, 65_000)
    assert.equal(server.connectionTimeoutMs, 0)
    assertRejects(
      { MASTHEAD_REQUEST_TIMEOUT_MS: '2000', MASTHEAD_HEADERS_TIMEOUT_MS: '5000' },
      'MASTHEAD_REQUEST_TIMEOUT_MS',
    )
    assertRejects({ MASTHEAD_HEADERS_TIMEOUT_MS: '10' }, 'MASTHEAD_HEADERS_TIMEOUT_MS')
    assertRejects({ MASTHEAD_KEEP_ALIVE_TIMEOUT_MS: 'soon' }, 'MASTHEAD_KEEP_ALIVE_TIMEOUT_MS')
  })

  test('MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY caps one address per story a day (0 = no cap)', () => {
    const cap = (value: string) =>
      parseConfig({ MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY: value }, CWD).engagement
        .viewsPerAddressPerStory
    assert.equal(cap('500'), 500)
    assert.equal(cap('0'), 0)
    assertRejects(
      { MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY: '-1' },
      'MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY',
    )
  })
})

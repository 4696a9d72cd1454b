/** Reads the environment once into a validated, deep-frozen Config; the only reader of process.env. */

import fs from 'node:fs'
import path from 'node:path'
import {
  boolean,
  ConfigError,
  corsOrigins,
  databaseConfig,
  deepFreeze,
  displayHost,
  integer,
  positiveNumber,
  trustProxy,
  url,
} from './config/values.js'

import { CDN_VARIABLES, type CdnConfig, cdnConfig, DEFAULT_CDN } from './config/cdn.js'
import {
  DEFAULT_DISTRIBUTION,
  DISTRIBUTION_VARIABLES,
  type DistributionConfig,
  distributionConfig,
} from './config/distribution.js'
import {
  type MailConfig,
  mailConfig,
  NEWSROOM_VARIABLES,
  type NewsroomConfig,
  newsroomConfig,
} from './config/newsroom.js'

export { ConfigError } from './config/values.js'
export { DEFAULT_CDN, DEFAULT_DISTRIBUTION }
export type { CdnPurgeConfig } from './config/cdn.js'
export type { CdnConfig, DistributionConfig, MailConfig, NewsroomConfig }

export type DatabaseConfig =
  | {
      readonly kind: 'sqlite'
      readonly filename: string
      /** SQLite's page cache for the connection, in MiB (the OS caches the file as well). */
      readonly cacheMiB?: number
    }
  | {
      readonly kind: 'postgres'
      readonly url: string
      /**
       * How many distinct SQL texts go as named (prepared) statements; 0 or left out sends all
       * unnamed (loadConfig fills in PREPARED_STATEMENTS_DEFAULT).
       */
      readonly preparedStatements?: number
    }

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface Config {
  readonly server: ServerConfig
  readonly site: { readonly url: string; readonly name: string; readonly language: string }
  readonly database: DatabaseConfig
  readonly media: {
    readonly dir: string
    /** The largest photo file the newsroom accepts for upload, in bytes (MASTHEAD_UPLOAD_MAX_MB). */
    readonly uploadMaxBytes: number
  }
  readonly log: { readonly level: LogLevel }
  readonly demo: { readonly seedOnEmpty: boolean; readonly articles: number }
  readonly pageCache: { readonly maxBytes: number }
  readonly engagement: {
    /** How often counted views are written to the hourly buckets (a crash loses at most this). */
    readonly viewFlushMs: number
    /** Distinct readers one address (IPv4, IPv6 /64) may add to one story a day; 0 = no cap. */
    readonly viewsPerAddressPerStory: number
  }
  readonly rankings: { readonly popularHalfLifeHours: number }
  readonly comments: CommentsConfig
  readonly api: ApiConfig
  readonly newsroom: NewsroomConfig
  readonly mail: MailConfig
  readonly distribution: DistributionConfig
  readonly scale: ScaleConfig
  /** A CDN in front: edge lifetimes, the cache-tag header and purges (docs/scaling.md). */
  readonly cdn: CdnConfig
}

/** Several processes on one site: how events travel between them, and how many to run here. */
export interface ScaleConfig {
  /**
   * `in-process`: events reach this process only (one process, SQLite's only choice).
   * `postgres`: LISTEN/NOTIFY, so every process purges its page cache on a change elsewhere.
   */
  readonly bus: 'in-process' | 'postgres'
  /** Worker processes `masthead start` runs on this machine, sharing the port (1: no cluster). */
  readonly workers: number
}

/** The Content API: request limit per key and the browser origins allowed to call it. */
export interface ApiConfig {
  /** Requests per key per minute (0 = no limit). */
  readonly ratePerMinute: number
  /** Origins (scheme://host[:port]) allowed by CORS, or ['*'] for any; empty = none. */
  readonly corsOrigins: readonly string[]
  /** Attempts per webhook delivery before it is given up (8: about a day of backoff). */
  readonly webhookMaxAttempts: number
}

/**
 * Which X-Forwarded-For hops to believe: false (none: the socket's peer is the client), a number
 * of proxy hops in front of us, or the proxies' addresses and CIDR ranges. Never "every hop":
 * anyone can write X-Forwarded-For.
 */
export type TrustProxySetting = false | number | readonly string[]

export interface ServerConfig {
  readonly host: string
  readonly port: number
  readonly trustProxy: TrustProxySetting
  /** Longest time to receive a whole request, body included (ms; 0 = none). */
  readonly requestTimeoutMs: number
  /** Longest time to receive a request's headers (ms). */
  readonly headersTimeoutMs: number
  /** How long an idle keep-alive connection stays open (ms). */
  readonly keepAliveTimeoutMs: number
  /** Longest silence on a socket before it is closed (ms; 0 = none). */
  readonly connectionTimeoutMs: number
}

export type CommentsModeSetting = 'open' | 'premoderated' | 'closed'

/** Reader comments: moderation mode, what is held for review, and the abuse limits (0 = off). */
export interface CommentsConfig {
  readonly mode: CommentsModeSetting
  /** Words and phrases that send a comment to review (whole words, case and accents ignored). */
  readonly bannedWords: readonly string[]
  /** Hold the first comment of a reader never seen before. */
  readonly holdFirst: boolean
  readonly ratePerMinute: number
  readonly ratePerDay: number
  /** The same limits for all readers of one address (IPv4, IPv6 /64) together. */
  readonly addressRatePerMinute: number
  readonly addressRatePerDay: number
  /** Reports from distinct addresses that hide a comment until a moderator looks. */
  readonly reportsToHide: number
  /** Reports one address may send per hour. */
  readonly reportsPerHour: number
  /** A form posted sooner than this after it was served is taken for a bot. */
  readonly minSubmitSeconds: number
}

/** The comment settings with no MASTHEAD_COMMENTS_* variable set (also the tests' and demo's). */
export const DEFAULT_COMMENTS_CONFIG: CommentsConfig = Object.freeze({
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
})

/** Every variable parseConfig reads; a test checks each is documented in .env.example. */
export const CONFIG_VARIABLES = [
  'MASTHEAD_HOST',
  'MASTHEAD_PORT',
  'PORT',
  'MASTHEAD_TRUST_PROXY',
  'MASTHEAD_REQUEST_TIMEOUT_MS',
  'MASTHEAD_HEADERS_TIMEOUT_MS',
  'MASTHEAD_KEEP_ALIVE_TIMEOUT_MS',
  'MASTHEAD_CONNECTION_TIMEOUT_MS',
  'MASTHEAD_SITE_URL',
  'MASTHEAD_SITE_NAME',
  'MASTHEAD_SITE_LANGUAGE',
  'MASTHEAD_DATABASE_URL',
  'DATABASE_URL',
  'MASTHEAD_MEDIA_DIR',
  'MASTHEAD_UPLOAD_MAX_MB',
  'MASTHEAD_LOG_LEVEL',
  'MASTHEAD_DEMO',
  'MASTHEAD_DEMO_ARTICLES',
  'MASTHEAD_PAGE_CACHE_MB',
  'MASTHEAD_SQLITE_CACHE_MB',
  'MASTHEAD_PG_PREPARED_STATEMENTS',
  'MASTHEAD_API_RATE_PER_MINUTE',
  'MASTHEAD_WEBHOOK_MAX_ATTEMPTS',
  'MASTHEAD_API_CORS_ORIGINS',
  'MASTHEAD_VIEW_FLUSH_MS',
  'MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY',
  'MASTHEAD_POPULAR_HALF_LIFE_HOURS',
  'MASTHEAD_COMMENTS_MODE',
  'MASTHEAD_COMMENTS_BANNED_WORDS',
  'MASTHEAD_COMMENTS_BANNED_WORDS_FILE',
  'MASTHEAD_COMMENTS_HOLD_FIRST',
  'MASTHEAD_COMMENTS_RATE_PER_MINUTE',
  'MASTHEAD_COMMENTS_RATE_PER_DAY',
  'MASTHEAD_COMMENTS_ADDRESS_RATE_PER_MINUTE',
  'MASTHEAD_COMMENTS_ADDRESS_RATE_PER_DAY',
  'MASTHEAD_COMMENTS_REPORTS_TO_HIDE',
  'MASTHEAD_COMMENTS_REPORTS_PER_HOUR',
  'MASTHEAD_COMMENTS_MIN_SUBMIT_SECONDS',
  'MASTHEAD_BUS',
  'MASTHEAD_WORKERS',
  ...NEWSROOM_VARIABLES,
  ...DISTRIBUTION_VARIABLES,
  ...CDN_VARIABLES,
] as const

export type ConfigVariable = (typeof CONFIG_VARIABLES)[number]
export type Env = Partial<Record<string, string | undefined>>

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
]

/**
 * SQLite's own page cache (its default is 2 MiB). Reads that miss it are served by the operating
 * system's file cache, which is shared and not counted in the server's memory; a larger cache
 * mostly holds pages the start-up scans touched once.
 */
const SQLITE_CACHE_MIB_DEFAULT = 4
/** PostgreSQL: how many SQL texts go as named statements (MASTHEAD_PG_PREPARED_STATEMENTS). */
export const PREPARED_STATEMENTS_DEFAULT = 300

/** Parses and validates `env`; throws ConfigError naming the first bad variable. */
export function parseConfig(env: Env, cwd: string = process.cwd()): Config {
  const read = (name: ConfigVariable): string | undefined => {
    const value = env[name]?.trim()
    return value === undefined || value === '' ? undefined : value
  }

  const portVar: ConfigVariable = read('MASTHEAD_PORT') !== undefined ? 'MASTHEAD_PORT' : 'PORT'
  const port = integer(portVar, read(portVar), 3000, 0, 65535)
  const host = read('MASTHEAD_HOST') ?? '127.0.0.1'
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host))
    throw new ConfigError('MASTHEAD_HOST', 'a host name or IP address', host)

  const siteUrl = url(
    'MASTHEAD_SITE_URL',
    read('MASTHEAD_SITE_URL') ?? `http://${displayHost(host)}:${port}`,
  )
  const siteName = read('MASTHEAD_SITE_NAME') ?? 'The Harbour Ledger'
  if (siteName.length > 80)
    throw new ConfigError('MASTHEAD_SITE_NAME', 'at most 80 characters', siteName)
  const language = read('MASTHEAD_SITE_LANGUAGE') ?? 'en'
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) {
    throw new ConfigError(
      'MASTHEAD_SITE_LANGUAGE',
      'a BCP 47 language tag such as en or en-GB',
      language,
    )
  }

  const dbVar: ConfigVariable =
    read('MASTHEAD_DATABASE_URL') !== undefined ? 'MASTHEAD_DATABASE_URL' : 'DATABASE_URL'
  const parsedDatabase = databaseConfig(dbVar, read(dbVar) ?? 'sqlite:./data/masthead.db', cwd)
  const sqliteCacheMiB = integer(
    'MASTHEAD_SQLITE_CACHE_MB',
    read('MASTHEAD_SQLITE_CACHE_MB'),
    SQLITE_CACHE_MIB_DEFAULT,
    1,
    65536,
  )
  const preparedStatements = integer(
    'MASTHEAD_PG_PREPARED_STATEMENTS',
    read('MASTHEAD_PG_PREPARED_STATEMENTS'),
    PREPARED_STATEMENTS_DEFAULT,
    0,
    5000,
  )
  const database: DatabaseConfig =
    parsedDatabase.kind === 'sqlite'
      ? { ...parsedDatabase, cacheMiB: sqliteCacheMiB }
      : { ...parsedDatabase, preparedStatements }

  const logLevel = read('MASTHEAD_LOG_LEVEL') ?? 'info'
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError('MASTHEAD_LOG_LEVEL', `one of ${LOG_LEVELS.join(', ')}`, logLevel)
  }

  return deepFreeze({
    server: serverConfig(read, host, port),
    site: { url: siteUrl, name: siteName, language },
    database,
    media: {
      dir: path.resolve(cwd, read('MASTHEAD_MEDIA_DIR') ?? './data/media'),
      uploadMaxBytes:
        integer('MASTHEAD_UPLOAD_MAX_MB', read('MASTHEAD_UPLOAD_MAX_MB'), 20, 1, 200) * 1024 * 1024,
    },
    log: { level: logLevel as LogLevel },
    demo: {
      seedOnEmpty: boolean('MASTHEAD_DEMO', read('MASTHEAD_DEMO'), true),
      articles: integer('MASTHEAD_DEMO_ARTICLES', read('MASTHEAD_DEMO_ARTICLES'), 300, 1, 200_000),
    },
    pageCache: {
      maxBytes:
        integer('MASTHEAD_PAGE_CACHE_MB', read('MASTHEAD_PAGE_CACHE_MB'), 32, 0, 65536) *
        1024 *
        1024,
    },
    engagement: {
      viewFlushMs: integer(
        'MASTHEAD_VIEW_FLUSH_MS',
        read('MASTHEAD_VIEW_FLUSH_MS'),
        1000,
        100,
        60_000,
      ),
      viewsPerAddressPerStory: integer(
        'MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY',
        read('MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY'),
        20,
        0,
        1_000_000,
      ),
    },
    rankings: {
      popularHalfLifeHours: positiveNumber(
        'MASTHEAD_POPULAR_HALF_LIFE_HOURS',
        read('MASTHEAD_POPULAR_HALF_LIFE_HOURS'),
        6,
        168,
      ),
    },
    comments: commentsConfig(read, cwd),
    api: {
      ratePerMinute: integer(
        'MASTHEAD_API_RATE_PER_MINUTE',
        read('MASTHEAD_API_RATE_PER_MINUTE'),
        600,
        0,
        1_000_000,
      ),
      corsOrigins: corsOrigins(read('MASTHEAD_API_CORS_ORIGINS')),
      webhookMaxAttempts: integer(
        'MASTHEAD_WEBHOOK_MAX_ATTEMPTS',
        read('MASTHEAD_WEBHOOK_MAX_ATTEMPTS'),
        8,
        1,
        20,
      ),
    },
    newsroom: newsroomConfig(read),
    mail: mailConfig(read, new URL(siteUrl).hostname),
    distribution: distributionConfig(read),
    scale: scaleConfig(read, database),
    cdn: cdnConfig(read),
  })
}

const BUS_SETTINGS = ['auto', 'in-process', 'postgres'] as const

/** MASTHEAD_BUS (auto: postgres on PostgreSQL) and MASTHEAD_WORKERS. */
function scaleConfig(
  read: (name: ConfigVariable) => string | undefined,
  database: DatabaseConfig,
): ScaleConfig {
  const setting = read('MASTHEAD_BUS') ?? 'auto'
  if (!(BUS_SETTINGS as readonly string[]).includes(setting))
    throw new ConfigError('MASTHEAD_BUS', BUS_SETTINGS.join(', '), setting)
  if (setting === 'postgres' && database.kind !== 'postgres')
    throw new ConfigError('MASTHEAD_BUS', 'auto or in-process with a SQLite database', setting)
  const bus =
    setting === 'auto' ? (database.kind === 'postgres' ? 'postgres' : 'in-process') : setting
  const workers = integer('MASTHEAD_WORKERS', read('MASTHEAD_WORKERS'), 1, 1, 256)
  return { bus: bus as ScaleConfig['bus'], workers }
}

const COMMENT_MODES: readonly CommentsModeSetting[] = ['open', 'premoderated', 'closed']

function commentsConfig(
  read: (name: ConfigVariable) => string | undefined,
  cwd: string,
): CommentsConfig {
  const mode = read('MASTHEAD_COMMENTS_MODE') ?? DEFAULT_COMMENTS_CONFIG.mode
  if (!COMMENT_MODES.includes(mode as CommentsModeSetting)) {
    throw new ConfigError('MASTHEAD_COMMENTS_MODE', COMMENT_MODES.join(', '), mode)
  }
  const listed = (read('MASTHEAD_COMMENTS_BANNED_WORDS') ?? '').split(',')
  const file = read('MASTHEAD_COMMENTS_BANNED_WORDS_FILE')
  let fromFile: string[] = []
  if (file !== undefined) {
    try {
      // One word or phrase a line; lines starting with # are comments.
      fromFile = fs
        .readFileSync(path.resolve(cwd, file), 'utf8')
        .split(/\r?\n/)
        .filter((line) => !line.trimStart().startsWith('#'))
    } catch {
      throw new ConfigError('MASTHEAD_COMMENTS_BANNED_WORDS_FILE', 'a readable text file', file)
    }
  }
  const bannedWords = [...new Set([...listed, ...fromFile].map((w) => w.trim()))].filter(
    (w) => w !== '',
  )
  type Limit =
    | 'ratePerMinute'
    | 'ratePerDay'
    | 'addressRatePerMinute'
    | 'addressRatePerDay'
    | 'reportsToHide'
    | 'reportsPerHour'
    | 'minSubmitSeconds'
  const count = (name: ConfigVariable, setting: Limit, max: number): number =>
    integer(name, read(name), DEFAULT_COMMENTS_CONFIG[setting], 0, max)
  return {
    mode: mode as CommentsModeSetting,
    bannedWords,
    holdFirst: boolean(
      'MASTHEAD_COMMENTS_HOLD_FIRST',
      read('MASTHEAD_COMMENTS_HOLD_FIRST'),
      DEFAULT_COMMENTS_CONFIG.holdFirst,
    ),
    ratePerMinute: count('MASTHEAD_COMMENTS_RATE_PER_MINUTE', 'ratePerMinute', 100_000),
    ratePerDay: count('MASTHEAD_COMMENTS_RATE_PER_DAY', 'ratePerDay', 10_000_000),
    addressRatePerMinute: count(
      'MASTHEAD_COMMENTS_ADDRESS_RATE_PER_MINUTE',
      'addressRatePerMinute',
      100_000,
    ),
    addressRatePerDay: count(
      'MASTHEAD_COMMENTS_ADDRESS_RATE_PER_DAY',
      'addressRatePerDay',
      10_000_000,
    ),
    reportsToHide: count('MASTHEAD_COMMENTS_REPORTS_TO_HIDE', 'reportsToHide', 1000),
    reportsPerHour: count('MASTHEAD_COMMENTS_REPORTS_PER_HOUR', 'reportsPerHour', 100_000),
    minSubmitSeconds: count('MASTHEAD_COMMENTS_MIN_SUBMIT_SECONDS', 'minSubmitSeconds', 3600),
  }
}

/** The listener's settings: trusted proxies and the timeouts that stop slow clients holding sockets. */
function serverConfig(
  read: (name: ConfigVariable) => string | undefined,
  host: string,
  port: number,
): ServerConfig {
  const ms = (name: ConfigVariable, fallback: number, min: number): number =>
    integer(name, read(name), fallback, min, 3_600_000)
  const headersTimeoutMs = ms('MASTHEAD_HEADERS_TIMEOUT_MS', 10_000, 1000)
  const requestTimeoutMs = ms('MASTHEAD_REQUEST_TIMEOUT_MS', 30_000, 0)
  // Node refuses a request timeout shorter than the headers timeout.
  if (requestTimeoutMs !== 0 && requestTimeoutMs < headersTimeoutMs) {
    throw new ConfigError(
      'MASTHEAD_REQUEST_TIMEOUT_MS',
      `0 or at least MASTHEAD_HEADERS_TIMEOUT_MS (${headersTimeoutMs})`,
      String(requestTimeoutMs),
    )
  }
  return {
    host,
    port,
    trustProxy: trustProxy(read('MASTHEAD_TRUST_PROXY')),
    requestTimeoutMs,
    headersTimeoutMs,
    keepAliveTimeoutMs: ms('MASTHEAD_KEEP_ALIVE_TIMEOUT_MS', 5000, 1000),
    connectionTimeoutMs: ms('MASTHEAD_CONNECTION_TIMEOUT_MS', 60_000, 0),
  }
}

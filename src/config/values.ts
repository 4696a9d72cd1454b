/** Parsers for single configuration values: each checks one variable and names it when it fails. */

import { isIP } from 'node:net'
import path from 'node:path'
import type { DatabaseConfig, TrustProxySetting } from '../config.js'

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  readonly variable: string
  constructor(variable: string, expected: string, got: string) {
    super(`${variable}: expected ${expected}, got ${JSON.stringify(got)}`)
    this.name = 'ConfigError'
    this.variable = variable
  }
}

/** A number above 0 and at most `max` (decimals allowed, e.g. 1.5). */
export function positiveNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  max: number,
): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!/^\d+(\.\d+)?$/.test(raw) || !(value > 0) || value > max) {
    throw new ConfigError(name, `a number above 0 and at most ${max}`, raw)
  }
  return value
}

const TRUST_PROXY_EXPECTED =
  'false, a number of proxy hops (e.g. 1), or a comma-separated list of proxy addresses or ' +
  'CIDR ranges (e.g. 10.0.0.0/8,fd00::/8); "true" is refused because it would trust addresses ' +
  'any client can write into X-Forwarded-For'

/** MASTHEAD_TRUST_PROXY: false, a hop count, or proxy addresses/CIDRs; "true" is refused. */
export function trustProxy(raw: string | undefined): TrustProxySetting {
  const name = 'MASTHEAD_TRUST_PROXY'
  if (raw === undefined) return false
  const value = raw.toLowerCase()
  if (['false', 'no', 'off', '0'].includes(value)) return false
  if (/^\d+$/.test(value)) return integer(name, value, 0, 1, 16)
  const entries = value.split(',').map((entry) => entry.trim())
  if (entries.every((entry) => isProxyAddress(entry))) return entries
  throw new ConfigError(name, TRUST_PROXY_EXPECTED, raw)
}

/** An IP address, a CIDR range, or one of proxy-addr's names (loopback, linklocal, uniquelocal). */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true
  const [address = '', bits, extra] = entry.split('/')
  if (extra !== undefined) return false
  const family = isIP(address)
  if (family === 0) return false
  if (bits === undefined) return true
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)
}

export function integer(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `a whole number from ${min} to ${max}`, raw)
  }
  return value
}

export function boolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback
  const value = raw.toLowerCase()
  if (['1', 'true', 'yes', 'on'].includes(value)) return true
  if (['0', 'false', 'no', 'off'].includes(value)) return false
  throw new ConfigError(name, 'true or false', raw)
}

export function url(name: string, raw: string): string {
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new ConfigError(name, 'an absolute http(s) URL', raw)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(name, 'an absolute http(s) URL', raw)
  }
  return parsed.origin + parsed.pathname.replace(/\/+$/, '')
}

export function databaseConfig(name: string, raw: string, cwd: string): DatabaseConfig {
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      new URL(raw)
    } catch {
      throw new ConfigError(name, 'a postgres:// URL or sqlite:<file>', raw)
    }
    return { kind: 'postgres', url: raw }
  }
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '')
    if (file === '') throw new ConfigError(name, 'a postgres:// URL or sqlite:<file>', raw)
    return { kind: 'sqlite', filename: file === ':memory:' ? file : path.resolve(cwd, file) }
  }
  throw new ConfigError(name, 'a postgres:// URL or sqlite:<file>', raw)
}

export function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

/** `*`, or a comma-separated list of origins such as https://app.example.org. */
export function corsOrigins(raw: string | undefined): string[] {
  if (raw === undefined) return []
  if (raw === '*') return ['*']
  return raw.split(',').map((part) => {
    const value = part.trim()
    let parsed: URL
    try {
      parsed = new URL(value)
    } catch {
      throw new ConfigError(
        'MASTHEAD_API_CORS_ORIGINS',
        '* or a comma-separated list of origins',
        raw,
      )
    }
    if (
      !['http:', 'https:'].includes(parsed.protocol) ||
      parsed.origin !== value.replace(/\/$/, '')
    )
      throw new ConfigError(
        'MASTHEAD_API_CORS_ORIGINS',
        '* or a comma-separated list of origins',
        raw,
      )
    return parsed.origin
  })
}

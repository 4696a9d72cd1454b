/** node:util parseArgs with our conventions: strict, --help everywhere, mistakes as UsageError. */

import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './command.js'

type Options = NonNullable<ParseArgsConfig['options']>

/** The parsed values: strings for string options, booleans for flags; absent when not given. */
export type OptionValues<O extends Options> = {
  [K in keyof O]?: O[K] extends { type: 'string' } ? string : boolean
}

/**
 * Parses `args` against `options` (plus --help); undefined when --help was asked for.
 * @example const values = parseOptions(args, { force: { type: 'boolean' } }, help)
 */
export function parseOptions<const O extends Options>(
  args: string[],
  options: O,
  help: string,
): OptionValues<O> | undefined {
  let values: Record<string, unknown>
  try {
    values = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), help)
  }
  return values.help === true ? undefined : (values as OptionValues<O>)
}

/** A whole number from `raw` within [min, max], or a UsageError naming the option. */
export function wholeNumberOption(
  name: string,
  raw: string,
  min: number,
  max: number,
  help: string,
): number {
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      `--${name} must be a whole number from ${min} to ${max}, got "${raw}"`,
      help,
    )
  }
  return value
}

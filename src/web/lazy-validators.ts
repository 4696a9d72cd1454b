/**
 * Route validators compiled on first use instead of at start-up.
 *
 * Fastify compiles every route's schemas with Ajv when the server becomes ready: with the
 * newsroom, the API and the site that is most of the time `npm start` spends before it can answer
 * (about 40 % of a cold start, measured with --cpu-prof). Compiled lazily, a route pays for its own
 * schemas on its first request (a few milliseconds, once), and routes nobody calls cost no memory.
 * A schema that does not compile would now fail on its route's first request instead of at start:
 * test/web/lazy-validators.test.ts compiles every route's schemas (`compilePending`) to catch it.
 */

import { setImmediate as nextTurn } from 'node:timers/promises'
import AjvCompiler from '@fastify/ajv-compiler'

type BuildValidator = ReturnType<typeof AjvCompiler>
type Compile = ReturnType<BuildValidator>
type RouteDefinition = Parameters<Compile>[0]
type Validate = ReturnType<Compile>

export interface LazyValidators {
  /** For Fastify's `schemaController.compilersFactory.buildValidator`. */
  buildValidator: BuildValidator
  /** Compiles every validator not compiled yet, one per event-loop turn; throws on a bad schema. */
  compilePending(): Promise<void>
  /** How many validators still wait for their first use. */
  pending(): number
}

/** Creates the lazy compiler factory; Fastify's own Ajv compiler (and options) does the work. */
export function createLazyValidators(): LazyValidators {
  const eager = AjvCompiler()
  const waiting = new Set<() => Validate>()

  const buildValidator: BuildValidator = (externalSchemas, options) => {
    let compile: Compile | undefined
    return (route: RouteDefinition) => {
      let compiled: Validate | undefined
      const ensure = (): Validate => {
        if (compiled === undefined) {
          compile ??= eager(externalSchemas, options)
          compiled = compile(route)
          waiting.delete(ensure)
        }
        return compiled
      }
      waiting.add(ensure)
      const validate = ((data: unknown, context?: unknown) => {
        const real = ensure()
        const valid = (real as (d: unknown, c?: unknown) => boolean)(data, context)
        validate.errors = real.errors
        return valid
      }) as Validate
      // Fastify hands the parent object (so coercion can replace a root value) only to functions
      // that carry Ajv's schemaEnv; the real one forwards it.
      Object.defineProperty(validate, 'schemaEnv', { get: () => ensure().schemaEnv })
      return validate
    }
  }

  return {
    buildValidator,
    compilePending: async () => {
      for (const ensure of [...waiting]) {
        ensure()
        await nextTurn()
      }
    },
    pending: () => waiting.size,
  }
}

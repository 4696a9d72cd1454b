/**
 * GET /healthz: whether this process can serve (its database answers), for load balancers, and
 * whether its rails are warm (a process serves before: with empty rails for a few seconds).
 */

import { type Static, Type } from '@sinclair/typebox'
import fp from 'fastify-plugin'

export interface HealthOptions {
  /** Resolves when the process is healthy; rejects otherwise. */
  checkHealth: () => Promise<void>
  /** True once the process's rails (Popular Now, related stories) are loaded. */
  warm: () => boolean
}

const Healthy = Type.Object(
  { status: Type.Literal('ok'), warm: Type.Boolean() },
  { additionalProperties: false },
)
const Unhealthy = Type.Object(
  { status: Type.Literal('unavailable') },
  { additionalProperties: false },
)

/** Registers /healthz: 200 {"status":"ok","warm":…} or 503 {"status":"unavailable"}, never cached. */
export const healthPlugin = fp<HealthOptions>(
  async (app, { checkHealth, warm }) => {
    app.get<{ Reply: { 200: Static<typeof Healthy>; 503: Static<typeof Unhealthy> } }>(
      '/healthz',
      {
        schema: {
          querystring: Type.Object({}, { additionalProperties: false }),
          response: { 200: Healthy, 503: Unhealthy },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        try {
          await checkHealth()
          return { status: 'ok' as const, warm: warm() }
        } catch (error) {
          request.log.warn({ err: error }, 'health check failed')
          return reply.code(503).send({ status: 'unavailable' })
        }
      },
    )
  },
  { name: 'masthead-health' },
)

/** GET /healthz: whether this process can serve (its database answers), for load balancers. */

import fp from 'fastify-plugin'

export interface HealthOptions {
  /** Resolves when the process is healthy; rejects otherwise. */
  checkHealth: () => Promise<void>
}

const statusSchema = (status: string) =>
  ({
    type: 'object',
    properties: { status: { type: 'string', enum: [status] } },
    required: ['status'],
    additionalProperties: false,
  }) as const

/** Registers /healthz: 200 {"status":"ok"} or 503 {"status":"unavailable"}, never cached. */
export const healthPlugin = fp<HealthOptions>(
  async (app, { checkHealth }) => {
    app.get(
      '/healthz',
      {
        schema: {
          querystring: { type: 'object', additionalProperties: false },
          response: { 200: statusSchema('ok'), 503: statusSchema('unavailable') },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        try {
          await checkHealth()
          return { status: 'ok' }
        } catch (error) {
          request.log.warn({ err: error }, 'health check failed')
          return reply.code(503).send({ status: 'unavailable' })
        }
      },
    )
  },
  { name: 'masthead-health' },
)

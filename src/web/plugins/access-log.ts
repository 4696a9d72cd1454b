/** One access-log line per request (Fastify's default writes two), for the cost of the hot path. */

import { type FastifyReply, type FastifyRequest, LogController } from 'fastify'

/**
 * Logs each request once, when it completes, with method, URL, status and time; errors as before.
 * @example Fastify({ logController: new AccessLogController() })
 */
export class AccessLogController extends LogController {
  // Skipped: the completion line below carries the method and URL too.
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return
    const line = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      responseTime: reply.elapsedTime,
    }
    if (error) reply.log.error({ ...line, err: error }, 'request errored')
    else reply.log.info(line, 'request completed')
  }
}

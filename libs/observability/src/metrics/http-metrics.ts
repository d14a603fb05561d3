import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MetricsRegistry } from './metrics.registry';

export const HTTP_DURATION_METRIC = 'http_server_request_duration_seconds';

const HTTP_LABELS = ['method', 'route', 'status_code'] as const;
type HttpLabel = (typeof HTTP_LABELS)[number];

/**
 * Records every HTTP request's duration by route TEMPLATE (`/clients/:id`), never the raw URL, so ids and search terms
 * never become label values. A Fastify `onResponse` hook rather than a Nest interceptor: requests refused by the
 * guard (401, 403) or matching no route (404, route `unmatched`) are counted too, and those are the ones a security
 * dashboard watches.
 */
@Injectable()
export class HttpMetrics {
  private readonly duration;
  private readonly installed = new WeakSet<FastifyInstance>();

  constructor(metrics: MetricsRegistry) {
    this.duration = metrics.histogram<HttpLabel>(HTTP_DURATION_METRIC, 'Duration of HTTP requests handled by the service', HTTP_LABELS, [
      0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]);
  }

  /** Adds the hook to the service's Fastify instance; call before the routes are registered (before `app.init()`). */
  install(fastify: FastifyInstance): void {
    if (this.installed.has(fastify)) return;
    this.installed.add(fastify);
    fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
      this.duration.observe(
        {
          method: request.method.toUpperCase(),
          route: request.routeOptions?.url ?? 'unmatched',
          status_code: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });
  }
}

import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_ID_HEADER, resolveCorrelationId } from './correlation-id';
import { RequestContext, RequestContextData } from './request-context';

const CONTEXT_DATA = Symbol.for('careloop.request-context');

type RequestWithContext = IncomingMessage & { [CONTEXT_DATA]?: RequestContextData };

/**
 * Gives every HTTP request a correlation id (the caller's, when safe) and runs the rest of the
 * request inside a RequestContext. Idempotent: applied twice (e.g. by two modules), the second
 * run reuses the same context object, so what the guard writes into it stays visible.
 * On the Fastify adapter Nest hands middleware the raw Node request and response.
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware<IncomingMessage, ServerResponse> {
  use(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    const request = req as RequestWithContext;
    let data = request[CONTEXT_DATA];
    if (!data) {
      data = { correlationId: resolveCorrelationId(req) };
      request[CONTEXT_DATA] = data;
      res.setHeader(CORRELATION_ID_HEADER, data.correlationId);
    }
    RequestContext.run(data, () => next());
  }
}

import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

// Only a short, safe token is echoed back and logged: anything else could smuggle
// log-injection payloads or personal data into our logs and response headers.
const SAFE_CORRELATION_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Returns the caller's id when it is a safe token, otherwise a fresh UUID v4. */
export function correlationIdFrom(candidate: unknown): string {
  const value = Array.isArray(candidate) ? candidate[0] : candidate;
  return typeof value === 'string' && SAFE_CORRELATION_ID.test(value) ? value : randomUUID();
}

const RESOLVED_ID = Symbol.for('careloop.correlation-id');

interface RequestWithCorrelation {
  headers: IncomingHttpHeaders;
  [RESOLVED_ID]?: string;
}

/**
 * Resolves the correlation id of a raw request once and remembers it on the request, so the
 * logging middleware and the correlation middleware agree whatever order they run in.
 */
export function resolveCorrelationId(req: object): string {
  const request = req as RequestWithCorrelation;
  const existing = request[RESOLVED_ID];
  if (existing) return existing;
  const id = correlationIdFrom(request.headers?.[CORRELATION_ID_HEADER]);
  request[RESOLVED_ID] = id;
  return id;
}

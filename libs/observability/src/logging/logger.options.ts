import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { resolveCorrelationId } from '../context/correlation-id';
import { RequestContext } from '../context/request-context';
import { CREDENTIAL_REDACT_PATHS, PII_REDACT_PATHS, REDACT_CENSOR } from './pii-redact-paths';

export interface LoggingOptions {
  serviceName: string;
  level?: string;
  /** Where lines go; stdout when omitted (tests pass a capturing stream). */
  destination?: DestinationStream;
}

/** Routes probed every few seconds: one line per probe would drown the useful ones. */
const QUIET_ROUTES = /^\/(health(\/|$|\?)|metrics($|\?|\/))/;

export function isQuietRoute(url: string | undefined): boolean {
  return QUIET_ROUTES.test(url ?? '');
}

/** Pino settings shared by the HTTP logger and plain loggers: JSON, service, correlation id, redaction. */
export function baseLoggerOptions(options: LoggingOptions): LoggerOptions {
  return {
    level: options.level ?? 'info',
    base: { service: options.serviceName, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: { level: (label) => ({ level: label }) },
    // Read at every line, so logs written anywhere inside a request carry its correlation id.
    mixin: () => {
      const correlationId = RequestContext.correlationId();
      return correlationId ? { correlationId } : {};
    },
    redact: { paths: [...CREDENTIAL_REDACT_PATHS, ...PII_REDACT_PATHS], censor: REDACT_CENSOR },
  };
}

/** A plain pino logger with the platform settings, for code outside Nest (scripts, workers). */
export function createLogger(options: LoggingOptions): Logger {
  return options.destination ? pino(baseLoggerOptions(options), options.destination) : pino(baseLoggerOptions(options));
}

interface SerializedRequest {
  /** The raw Node request (pino-std-serializers keeps it as a hidden property). */
  raw?: IncomingMessage;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
}

/**
 * For `new FastifyAdapter({ genReqId: correlationRequestId })`: makes Fastify's own request id
 * (used in Fastify's logs and errors) the correlation id as well.
 */
export function correlationRequestId(req: IncomingMessage): string {
  return resolveCorrelationId(req);
}

/** pino-http options: request id = correlation id, no bodies, no query strings (they carry search terms). */
export function httpLoggerOptions(options: LoggingOptions): PinoHttpOptions {
  return {
    ...baseLoggerOptions(options),
    genReqId: (req: IncomingMessage) => resolveCorrelationId(req),
    // Middleware may have rewritten `url` (path stripping); `originalUrl` is what the client asked.
    autoLogging: { ignore: (req: IncomingMessage & { originalUrl?: string }) => isQuietRoute(req.originalUrl ?? req.url) },
    serializers: {
      req: (req: SerializedRequest) => ({
        // Fastify (through middie) gives the raw request its own id first, which pino-http keeps.
        id: req.raw ? resolveCorrelationId(req.raw) : undefined,
        method: req.method,
        url: req.url?.split('?')[0],
        headers: req.headers,
      }),
      res: (res: { statusCode?: number; headers?: Record<string, unknown> }) => ({ statusCode: res.statusCode, headers: res.headers }),
    },
    // The response is finished outside the request's async context, so the id is added here.
    customSuccessObject: (req: IncomingMessage, _res: ServerResponse, value: Record<string, unknown>) => ({
      ...value,
      correlationId: resolveCorrelationId(req),
    }),
    customErrorObject: (req: IncomingMessage, _res: ServerResponse, _error: Error, value: Record<string, unknown>) => ({
      ...value,
      correlationId: resolveCorrelationId(req),
    }),
  };
}

import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Observable } from 'rxjs';
import { MetricsRegistry } from './metrics.registry';

export const HTTP_DURATION_METRIC = 'http_server_request_duration_seconds';

const HTTP_LABELS = ['method', 'route', 'status_code'] as const;
type HttpLabel = (typeof HTTP_LABELS)[number];

/** Fastify exposes the matched template as `routeOptions.url`, Express as `route.path`. */
interface RoutedRequest {
  method?: string;
  routeOptions?: { url?: string };
  routerPath?: string;
  route?: { path?: string };
}

interface AdapterResponse {
  raw?: ServerResponse;
}

/**
 * Records request durations by route TEMPLATE (`/clients/:id`), never the raw URL, so ids and
 * search terms never become label values. The status is read when the response finishes, so
 * codes set by exception filters and @HttpCode are right. Requests refused before interceptors
 * run (guards, 404s) are not recorded here.
 */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  private readonly duration;

  constructor(metrics: MetricsRegistry) {
    this.duration = metrics.histogram<HttpLabel>(HTTP_DURATION_METRIC, 'Duration of HTTP requests handled by the service', HTTP_LABELS, [
      0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<RoutedRequest>();
    const response = http.getResponse<AdapterResponse & ServerResponse>();
    const raw: ServerResponse = response.raw ?? response;
    const route = request.routeOptions?.url ?? request.route?.path ?? 'unmatched';
    const method = (request.method ?? 'UNKNOWN').toUpperCase();
    const stop = this.duration.startTimer({ method, route });
    let recorded = false;
    const record = (): void => {
      if (recorded) return;
      recorded = true;
      stop({ status_code: String(raw.statusCode) });
    };
    raw.once('finish', record);
    // A client that hangs up never gets 'finish'; the request still took the time.
    raw.once('close', record);
    return next.handle();
  }
}

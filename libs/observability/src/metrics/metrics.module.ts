import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { ENV } from '../config/env.token';
import { HttpMetrics } from './http-metrics';
import { METRICS_OPTIONS, MetricsOptions, MetricsRegistry } from './metrics.registry';

interface EnvWithServiceName {
  SERVICE_NAME?: string;
}

const registryProvider: Provider = {
  provide: MetricsRegistry,
  useFactory: (options?: MetricsOptions, env?: EnvWithServiceName): MetricsRegistry =>
    new MetricsRegistry(options ?? { serviceName: env?.SERVICE_NAME ?? process.env['SERVICE_NAME'] ?? 'unknown' }),
  inject: [
    { token: METRICS_OPTIONS, optional: true },
    { token: ENV, optional: true },
  ],
};

/**
 * Global metrics registry plus the HTTP duration interceptor, registered as APP_INTERCEPTOR here
 * (do not also add it with useGlobalInterceptors, or requests are counted twice).
 * Import `MetricsModule` (service name from ENV.SERVICE_NAME) or `MetricsModule.forRoot({...})`.
 * The `/metrics` route itself belongs to the runtime library.
 */
@Global()
@Module({
  providers: [registryProvider, HttpMetrics],
  exports: [MetricsRegistry, HttpMetrics],
})
export class MetricsModule {
  static forRoot(options: MetricsOptions): DynamicModule {
    return {
      module: MetricsModule,
      providers: [{ provide: METRICS_OPTIONS, useValue: options }],
    };
  }
}


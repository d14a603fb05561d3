import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@careloop/messaging';
import {
  BaseEnv,
  LoggingModule,
  MetricsModule,
  MongoReadinessCheck,
  PlatformConfigModule,
  ReadinessModule,
} from '@careloop/observability';
import { PersistenceModule } from '@careloop/persistence';
import { SecurityModule } from '@careloop/security';
import { HealthHttpController } from './health/health.http.controller';

export interface PlatformOptions<E extends BaseEnv> {
  /** The service's name: its database, consumer group, event source and log label. */
  readonly service: 'intake' | 'care-planning' | 'resource-directory' | 'notification' | string;
  readonly envClass: new () => E;
}

/**
 * Everything a service stands on, in one import: validated environment, logs, metrics, health, its own database,
 * the event backbone and authentication with audit.
 */
@Module({})
export class PlatformModule {
  static forService<E extends BaseEnv>(options: PlatformOptions<E>): DynamicModule {
    // The service name is a fact of the code, not of the deployment.
    process.env['SERVICE_NAME'] ??= options.service;
    return {
      module: PlatformModule,
      imports: [
        PlatformConfigModule.forRoot(options.envClass),
        LoggingModule.forRoot({ serviceName: options.service, level: process.env['LOG_LEVEL'] ?? 'info' }),
        MetricsModule.forRoot({ serviceName: options.service, defaultMetrics: process.env['NODE_ENV'] !== 'test' }),
        ReadinessModule,
        PersistenceModule.forService(options.service),
        MessagingModule.forService({ service: options.service }),
        SecurityModule.forRoot(),
      ],
      controllers: [HealthHttpController],
      providers: [MongoReadinessCheck],
    };
  }
}

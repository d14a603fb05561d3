import { DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { BaseEnv, ENV } from '@careloop/observability';
import mongoose from 'mongoose';
import { IndexBootstrapper } from './index-bootstrapper';
import { installTenantScope } from './tenant-scope.plugin';

/** The database a service owns: `<MONGODB_DB_PREFIX><service>` (dashes become underscores). */
export function databaseNameFor(service: string, prefix = ''): string {
  return `${prefix}${service.replace(/-/g, '_')}`;
}

/**
 * One database per service, opened from the validated environment. The tenant-scope plugin is installed globally so
 * every schema of the service carries `tenantId` and refuses unscoped queries.
 */
@Global()
@Module({})
export class PersistenceModule {
  static forService(service: string): DynamicModule {
    installTenantScope(mongoose);
    return {
      module: PersistenceModule,
      imports: [
        MongooseModule.forRootAsync({
          inject: [ENV],
          useFactory: (env: BaseEnv) => ({
            uri: env.MONGODB_URI,
            dbName: databaseNameFor(service, env.MONGODB_DB_PREFIX),
            autoIndex: false,
            autoCreate: false,
            serverSelectionTimeoutMS: 10_000,
            // mongo-java-server speaks wire version 8; keep retryable writes off so the driver does not ask for sessions.
            retryWrites: false,
          }),
        }),
      ],
      providers: [IndexBootstrapper],
      exports: [MongooseModule],
    };
  }
}

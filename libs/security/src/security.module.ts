import { CorrelationIdMiddleware, ENV } from '@careloop/observability';
import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditHttpController } from './audit/audit.http.controller';
import { AuditService } from './audit/audit.service';
import { AUDIT_EVENT_MODEL, AuditEventSchema } from './audit/schemas/audit-event.schema';
import { AUTH_OPTIONS, AuthEnv, authOptionsFromEnv } from './auth/auth-options';
import { AuthGuard } from './auth/auth.guard';
import { JwtVerifier } from './auth/jwt-verifier.service';

/**
 * Authentication (global AuthGuard), roles, and the audit trail (`audit_events` on the default
 * mongoose connection, plus GET /audit). Needs PlatformConfigModule (ENV) and the runtime's
 * MongooseModule.forRootAsync. Global, so feature modules inject AuditService directly.
 * Also applies CorrelationIdMiddleware (idempotent) so the guard always has a RequestContext.
 */
@Module({})
export class SecurityModule implements NestModule {
  static forRoot(): DynamicModule {
    return {
      module: SecurityModule,
      global: true,
      imports: [MongooseModule.forFeature([{ name: AUDIT_EVENT_MODEL, schema: AuditEventSchema }])],
      controllers: [AuditHttpController],
      providers: [
        { provide: AUTH_OPTIONS, useFactory: (env: AuthEnv) => authOptionsFromEnv(env), inject: [ENV] },
        JwtVerifier,
        AuditService,
        AuthGuard,
        { provide: APP_GUARD, useExisting: AuthGuard },
      ],
      exports: [AUTH_OPTIONS, JwtVerifier, AuditService],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}

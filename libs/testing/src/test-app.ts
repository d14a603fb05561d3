import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { configureApp, createFastifyAdapter } from '@careloop/runtime';
import { TEST_AUTH_SECRET, applyTestEnv } from './test-env';
import { mintDevToken } from '@careloop/security';
import { Role } from '@careloop/contracts';

export interface TestApp {
  readonly app: NestFastifyApplication;
  /** A bearer token for a user of the given tenant and roles. */
  token(options: { tenantId: string; roles: Role[]; subject?: string; organizationId?: string; partnerId?: string }): Promise<string>;
  close(): Promise<void>;
}

/**
 * Builds and starts a service exactly as its main.ts does (same module, same adapter, same pipes, real Kafka consumer
 * and database), listening on an ephemeral port. Use `app.inject` for HTTP.
 */
export async function startTestApp(
  appModule: unknown,
  options: { service: string; consume?: boolean; env?: Record<string, string> },
): Promise<TestApp> {
  applyTestEnv(options.service, options.env);
  const moduleRef = await Test.createTestingModule({ imports: [appModule as never] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), { bufferLogs: true, rawBody: true });
  await configureApp(app, { service: options.service, title: options.service, description: 'test', consume: options.consume });
  if (options.consume !== false) await app.startAllMicroservices();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    token: (t) =>
      mintDevToken({
        secret: TEST_AUTH_SECRET,
        issuer: 'careloop-dev',
        audience: 'careloop',
        subject: t.subject ?? `user-${t.roles[0]}`,
        tenantId: t.tenantId,
        roles: t.roles,
        organizationId: t.organizationId,
        partnerId: t.partnerId,
      }),
    close: () => app.close(),
  };
}

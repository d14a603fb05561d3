import { BaseEnv, PlatformConfigModule } from '@careloop/observability';
import { getModelToken } from '@nestjs/mongoose';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { SecurityModule } from '../security.module';
import { AUDIT_EVENT_MODEL } from './schemas/audit-event.schema';

describe('AuditHttpController OpenAPI description', () => {
  it('documents GET /audit under the audit tag, with bearer auth and its query', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformConfigModule.forRoot(BaseEnv, {
          PORT: '3000',
          SERVICE_NAME: 'openapi-spec',
          KAFKA_BROKERS: '127.0.0.1:9092',
          MONGODB_URI: 'mongodb://127.0.0.1:1',
          AUTH_DEV_SECRET: 'test-only-dev-secret-0123456789abcdef',
        }),
        SecurityModule.forRoot(),
      ],
    })
      .overrideProvider(getModelToken(AUDIT_EVENT_MODEL))
      .useValue({})
      .compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
    const operation = document.paths['/audit']?.get;
    expect(operation?.tags).toEqual(['audit']);
    expect(operation?.security).toEqual([{ bearer: [] }]);
    const params = (operation?.parameters ?? []).map((p) => ('name' in p ? p.name : undefined));
    expect(params).toEqual(expect.arrayContaining(['clientId', 'resourceType', 'resourceId', 'actor', 'from', 'to', 'page', 'perPage']));
    expect(document.components?.schemas?.['AuditPageDto']).toBeDefined();
    await app.close();
  });
});

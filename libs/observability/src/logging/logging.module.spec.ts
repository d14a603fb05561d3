import { Controller, Get, Injectable, Logger as NestLogger, Module, Param, Post, Body } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { Writable } from 'node:stream';
import { RequestContext } from '../context/request-context';
import { createLogger } from './logger.options';
import { LoggingModule } from './logging.module';
import { PII_REDACT_PATHS } from './pii-redact-paths';

/** Collects JSON lines written by pino. */
class LineSink extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  readonly raw: string[] = [];

  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
}

// Obviously fake client, shaped like our aggregates.
const fakeClient = {
  id: 'client-0001',
  tenantId: 'tenant-test',
  name: { given: 'Testy', family: 'McFakeface' },
  firstName: 'Testy',
  lastName: 'McFakeface',
  birthDate: '1900-01-01',
  address: { line: ['1 Nowhere Lane'], city: 'Faketown', postalCode: '00000' },
  phone: '555-0100',
  email: 'testy@example.invalid',
  ssn: '000-00-0000',
  mrn: 'MRN-FAKE-1',
  memberId: 'MEMBER-FAKE-1',
  telecom: [{ system: 'phone', value: '555-0199' }],
  identifiers: [{ system: 'urn:fake', value: 'ID-FAKE-1' }],
  assessment: { id: 'assessment-0001', answers: [{ q: 'housing', a: 'Unstable-fake-answer' }], notes: 'Fake clinical note' },
  // An array element counts as a level: contacts[0].name is depth 3 here, depth 4 once wrapped in `client`.
  contacts: [{ id: 'contact-0001', name: 'Fake Contact', phones: ['555-0111'], emails: ['c@example.invalid'] }],
};
const personalValues = [
  'Testy',
  'McFakeface',
  '1900-01-01',
  'Nowhere Lane',
  'Faketown',
  '555-01',
  'testy@example.invalid',
  '000-00-0000',
  'MRN-FAKE-1',
  'MEMBER-FAKE-1',
  'ID-FAKE-1',
  'Unstable-fake-answer',
  'Fake clinical note',
  'Fake Contact',
  'c@example.invalid',
];

describe('createLogger', () => {
  it('writes no personal value of a client object but keeps ids, service and correlation id', () => {
    const sink = new LineSink();
    const logger = createLogger({ serviceName: 'intake', destination: sink });
    RequestContext.run({ correlationId: 'corr-1' }, () => logger.info({ client: fakeClient }, 'client loaded'));
    logger.info(fakeClient, 'top-level fields');

    expect(sink.raw).toHaveLength(2);
    for (const line of sink.raw) {
      for (const value of personalValues) expect(line).not.toContain(value);
    }
    const [nested, top] = sink.lines;
    expect(nested).toMatchObject({ service: 'intake', correlationId: 'corr-1', level: 'info', msg: 'client loaded' });
    expect(nested['client']).toMatchObject({
      id: 'client-0001',
      tenantId: 'tenant-test',
      name: '[REDACTED]',
      assessment: { id: 'assessment-0001', answers: '[REDACTED]', notes: '[REDACTED]' },
      contacts: [{ id: 'contact-0001', name: '[REDACTED]', phones: '[REDACTED]', emails: '[REDACTED]' }],
    });
    expect(top).toMatchObject({
      id: 'client-0001',
      name: '[REDACTED]',
      ssn: '[REDACTED]',
      contacts: [{ id: 'contact-0001', name: '[REDACTED]', phones: '[REDACTED]', emails: '[REDACTED]' }],
    });
    expect(top['correlationId']).toBeUndefined();
  });

  it('covers each field at depth 1 to 4', () => {
    expect(PII_REDACT_PATHS).toEqual(expect.arrayContaining(['email', '*.email', '*.*.email', '*.*.*.email', '*.*.identifiers']));
    expect(PII_REDACT_PATHS).toHaveLength(22 * 4);
  });
});

@Injectable()
class ClientsService {
  private readonly log = new NestLogger(ClientsService.name);

  find(id: string): { id: string } {
    this.log.log({ msg: 'loading client', client: fakeClient });
    return { id };
  }
}

@Controller()
class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get('clients/:id')
  get(@Param('id') id: string): { id: string } {
    return this.clients.find(id);
  }

  @Post('clients')
  create(@Body() body: Record<string, unknown>): { ok: boolean } {
    return { ok: typeof body === 'object' };
  }

  @Get('health/live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('metrics')
  metrics(): string {
    return '';
  }
}

describe('LoggingModule on Fastify', () => {
  const sink = new LineSink();
  let app: NestFastifyApplication;

  @Module({
    imports: [LoggingModule.forRoot({ serviceName: 'intake', level: 'info', destination: sink })],
    controllers: [ClientsController],
    providers: [ClientsService],
  })
  class AppModule {}

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { bufferLogs: true });
    app.useLogger(app.get(Logger));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    sink.lines.length = 0;
    sink.raw.length = 0;
  });

  it('logs the request with service and correlation id, without credentials or personal data', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/clients/client-0001?name=Testy',
      headers: { 'x-correlation-id': 'corr-http-1', authorization: 'Bearer secret-token-value', cookie: 'sid=secret-cookie' },
    });
    expect(res.statusCode).toBe(200);

    const appLine = sink.lines.find((l) => l['msg'] === 'loading client');
    const completed = sink.lines.find((l) => l['msg'] === 'request completed');
    expect(appLine).toMatchObject({ service: 'intake', correlationId: 'corr-http-1', client: { id: 'client-0001', name: '[REDACTED]' } });
    expect(completed).toMatchObject({
      service: 'intake',
      correlationId: 'corr-http-1',
      req: { id: 'corr-http-1', method: 'GET', url: '/clients/client-0001', headers: { authorization: '[REDACTED]', cookie: '[REDACTED]' } },
      res: { statusCode: 200 },
    });
    const all = sink.raw.join('\n');
    for (const value of [...personalValues, 'secret-token-value', 'secret-cookie']) expect(all).not.toContain(value);
  });

  it('never logs request bodies', async () => {
    await app.inject({ method: 'POST', url: '/clients', payload: { note: 'body-marker-fake' } });
    expect(sink.lines.some((l) => l['msg'] === 'request completed')).toBe(true);
    expect(sink.raw.join('\n')).not.toContain('body-marker-fake');
  });

  it('does not log health and metrics requests', async () => {
    await app.inject({ method: 'GET', url: '/health/live' });
    await app.inject({ method: 'GET', url: '/metrics' });
    expect(sink.lines.filter((l) => l['msg'] === 'request completed')).toEqual([]);
  });
});

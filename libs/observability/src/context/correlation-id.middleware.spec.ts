import { Body, Controller, Get, MiddlewareConsumer, Module, NestModule, Post, RequestMethod } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { CorrelationIdMiddleware } from './correlation-id.middleware';
import { RequestContext } from './request-context';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

@Controller('probe')
class ProbeController {
  @Get()
  async get(): Promise<{ seen: string | undefined }> {
    await sleep(5); // the context must survive an await
    return { seen: RequestContext.correlationId() };
  }

  @Post()
  async post(@Body() body: { n: number }): Promise<{ seen: string | undefined; n: number }> {
    await sleep(5);
    return { seen: RequestContext.correlationId(), n: body.n };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Applied twice on purpose: the middleware must be idempotent.
    consumer.apply(CorrelationIdMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
    consumer.apply(CorrelationIdMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}

describe('CorrelationIdMiddleware on Fastify', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  it('passes a safe caller id to the controller and back in the header', async () => {
    const res = await app.inject({ method: 'GET', url: '/probe', headers: { 'x-correlation-id': 'abc-123.X_y' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-correlation-id']).toBe('abc-123.X_y');
    expect(res.json()).toEqual({ seen: 'abc-123.X_y' });
  });

  it('keeps the context through body parsing', async () => {
    const res = await app.inject({ method: 'POST', url: '/probe', payload: { n: 7 }, headers: { 'x-correlation-id': 'post-1' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ seen: 'post-1', n: 7 });
  });

  it.each([['has spaces'], ['x'.repeat(101)], ['<script>'], ['a\u00e9b']])('replaces an unsafe id (%s) with a UUID v4', async (bad) => {
    const res = await app.inject({ method: 'GET', url: '/probe', headers: { 'x-correlation-id': bad } });
    const id = res.headers['x-correlation-id'];
    expect(id).toMatch(UUID_V4);
    expect(res.json()).toEqual({ seen: id });
  });

  it('generates an id when none is sent, different per request', async () => {
    const a = await app.inject({ method: 'GET', url: '/probe' });
    const b = await app.inject({ method: 'GET', url: '/probe' });
    expect(a.headers['x-correlation-id']).toMatch(UUID_V4);
    expect(a.headers['x-correlation-id']).not.toBe(b.headers['x-correlation-id']);
    expect(a.json()).toEqual({ seen: a.headers['x-correlation-id'] });
  });

  it('keeps concurrent requests apart', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `c-${i}`);
    const results = await Promise.all(ids.map((id) => app.inject({ method: 'GET', url: '/probe', headers: { 'x-correlation-id': id } })));
    expect(results.map((r) => r.json().seen)).toEqual(ids);
  });
});

describe('RequestContext', () => {
  it('is undefined outside a run and isolated inside', async () => {
    expect(RequestContext.current()).toBeUndefined();
    const inner = await RequestContext.run({ correlationId: 'one' }, async () => {
      await sleep(1);
      return RequestContext.correlationId();
    });
    expect(inner).toBe('one');
    expect(RequestContext.correlationId()).toBeUndefined();
  });
});

import { CanActivate, Controller, Get, Global, HttpCode, Module, NotFoundException, Param, Post, UnauthorizedException, UseGuards } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ENV } from '../config/env.token';
import { HTTP_DURATION_METRIC, HttpMetrics } from './http-metrics';
import { MetricsModule } from './metrics.module';
import { MetricsRegistry } from './metrics.registry';

describe('MetricsRegistry', () => {
  it('returns the metric already registered under a name', () => {
    const metrics = new MetricsRegistry({ serviceName: 'intake', defaultMetrics: false });
    const a = metrics.counter('things_total', 'Things', ['kind']);
    const b = metrics.counter('things_total', 'Things', ['kind']);
    expect(b).toBe(a);
    expect(metrics.histogram('latency_seconds', 'Latency')).toBe(metrics.histogram('latency_seconds', 'Latency'));
    expect(() => metrics.gauge('things_total', 'Things')).toThrow(/another type/);
  });

  it('labels every series with the service and runs gauge collect callbacks', async () => {
    const metrics = new MetricsRegistry({ serviceName: 'intake', defaultMetrics: false });
    metrics.counter('things_total', 'Things', ['kind']).inc({ kind: 'a' }, 2);
    let depth = 0;
    metrics.gauge('queue_depth', 'Depth', [], function collect() {
      depth += 1;
      this.set(depth * 10);
    });
    const text = await metrics.metrics();
    expect(text).toContain('things_total{kind="a",service="intake"} 2');
    expect(text).toContain('queue_depth{service="intake"} 10');
    expect(metrics.contentType).toMatch(/^text\/plain/);
  });

  it('collects default process metrics unless turned off', async () => {
    const metrics = new MetricsRegistry({ serviceName: 'intake' });
    expect(await metrics.metrics()).toContain('process_cpu_user_seconds_total{service="intake"}');
  });
});

class RefuseAll implements CanActivate {
  canActivate(): boolean {
    throw new UnauthorizedException();
  }
}

@Controller('clients')
class ClientsController {
  @Get(':id')
  get(@Param('id') id: string): { id: string } {
    if (id === 'missing-0001') throw new NotFoundException();
    return { id };
  }

  @Post()
  @HttpCode(202)
  create(): { ok: true } {
    return { ok: true };
  }

  @Get(':id/secret')
  @UseGuards(RefuseAll)
  secret(): { ok: true } {
    return { ok: true };
  }
}

describe('HttpMetrics on Fastify', () => {
  let app: NestFastifyApplication;
  let metrics: MetricsRegistry;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [MetricsModule.forRoot({ serviceName: 'intake', defaultMetrics: false })],
      controllers: [ClientsController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app.get(HttpMetrics).install(app.getHttpAdapter().getInstance());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    metrics = app.get(MetricsRegistry);
  });

  afterAll(async () => {
    await app.close();
  });

  it('records the route template and final status of every request, never the raw URL', async () => {
    await app.inject({ method: 'GET', url: '/clients/client-0001' });
    await app.inject({ method: 'GET', url: '/clients/client-0002?name=fake' });
    await app.inject({ method: 'GET', url: '/clients/missing-0001' });
    await app.inject({ method: 'POST', url: '/clients' });
    await app.inject({ method: 'GET', url: '/clients/client-0003/secret' });
    await app.inject({ method: 'GET', url: '/no-such-route/client-0004' });
    const text = await metrics.metrics();
    const count = (labels: string): string | undefined =>
      text.split('\n').find((l) => l.startsWith(`${HTTP_DURATION_METRIC}_count{service="intake",${labels}}`));
    expect(count('method="GET",route="/clients/:id",status_code="200"')).toMatch(/ 2$/);
    expect(count('method="GET",route="/clients/:id",status_code="404"')).toMatch(/ 1$/);
    expect(count('method="POST",route="/clients",status_code="202"')).toMatch(/ 1$/);
    // Refused by a guard and matched by no route: counted as well, still without ids.
    expect(count('method="GET",route="/clients/:id/secret",status_code="401"')).toMatch(/ 1$/);
    expect(count('method="GET",route="unmatched",status_code="404"')).toMatch(/ 1$/);
    expect(text).not.toContain('client-0003');
    expect(text).not.toContain('client-0004');
    expect(text).not.toContain('client-0001');
    expect(text).not.toContain('fake');
  });
});

@Global()
@Module({ providers: [{ provide: ENV, useValue: { SERVICE_NAME: 'from-env' } }], exports: [ENV] })
class FakeEnvModule {}

describe('MetricsModule without forRoot', () => {
  it('takes the service name from ENV', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [FakeEnvModule, MetricsModule] }).compile();
    const registry = moduleRef.get(MetricsRegistry);
    registry.counter('probe_total', 'Probe').inc();
    expect(await registry.metrics()).toContain('probe_total{service="from-env"} 1');
  });
});

import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { READINESS_CHECKS, ReadinessCheck, RegisterReadinessCheck } from './readiness-check';
import { ReadinessModule } from './readiness.module';
import { runReadinessChecks } from './run-readiness-checks';

const check = (name: string, fn: () => Promise<void>): ReadinessCheck => ({ name, check: fn });

describe('runReadinessChecks', () => {
  it('is ok when every check passes', async () => {
    await expect(runReadinessChecks([check('a', async () => undefined), check('b', async () => undefined)])).resolves.toEqual({
      status: 'ok',
      checks: { a: { status: 'up' }, b: { status: 'up' } },
    });
  });

  it('reports each failure, including thrown and timed-out checks, in parallel', async () => {
    const started = Date.now();
    const report = await runReadinessChecks(
      [
        check('db', async () => {
          throw new Error('connect ECONNREFUSED mongodb://user:pw@127.0.0.1:1');
        }),
        check('sync', () => {
          throw new Error('sync failure');
        }),
        check('slow', () => new Promise(() => undefined)),
        check('slow2', () => new Promise(() => undefined)),
        check('ok', async () => undefined),
      ],
      200,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(report.status).toBe('error');
    expect(report.checks['ok']).toEqual({ status: 'up' });
    expect(report.checks['sync']).toEqual({ status: 'down', error: 'sync failure' });
    expect(report.checks['slow']).toEqual({ status: 'down', error: 'timed out after 200 ms' });
    expect(report.checks['slow2']?.status).toBe('down');
    expect(report.checks['db']?.error).toBe('connect ECONNREFUSED mongodb://***@127.0.0.1:1');
  });
});

@RegisterReadinessCheck()
@Injectable()
class BrokerCheck implements ReadinessCheck {
  readonly name = 'kafka';
  async check(): Promise<void> {
    return undefined;
  }
}

@Injectable()
class NotACheck {}

@Module({ providers: [BrokerCheck, NotACheck] })
class MessagingLikeModule {}

describe('ReadinessModule', () => {
  it('collects every marked provider under READINESS_CHECKS', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ReadinessModule, MessagingLikeModule] }).compile();
    await moduleRef.init();
    const checks = moduleRef.get<ReadinessCheck[]>(READINESS_CHECKS);
    expect(checks.map((c) => c.name)).toEqual(['kafka']);
    expect(checks[0]).toBe(moduleRef.get(BrokerCheck));
    await moduleRef.close();
  });
});

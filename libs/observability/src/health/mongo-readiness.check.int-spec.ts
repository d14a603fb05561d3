import { MongooseModule } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import { MongoReadinessCheck } from './mongo-readiness.check';
import { READINESS_CHECKS, ReadinessCheck } from './readiness-check';
import { ReadinessModule } from './readiness.module';
import { runReadinessChecks } from './run-readiness-checks';

const MONGODB_URI = process.env['MONGODB_URI'];

describe('MongoReadinessCheck against the MongoDB-protocol server', () => {
  it('is up while connected and down once the connection is closed', async () => {
    if (!MONGODB_URI) throw new Error('MONGODB_URI is not set (the jest global setup provides it)');
    const moduleRef = await Test.createTestingModule({
      imports: [MongooseModule.forRoot(MONGODB_URI, { dbName: `${process.env['MONGODB_DB_PREFIX'] ?? ''}observability_ready` }), ReadinessModule],
      providers: [MongoReadinessCheck],
    }).compile();
    await moduleRef.init();
    const checks = moduleRef.get<ReadinessCheck[]>(READINESS_CHECKS);
    expect(checks.map((c) => c.name)).toEqual(['mongodb']);
    await expect(runReadinessChecks(checks)).resolves.toEqual({ status: 'ok', checks: { mongodb: { status: 'up' } } });
    await moduleRef.close();
    await expect(runReadinessChecks(checks)).resolves.toEqual({
      status: 'error',
      checks: { mongodb: { status: 'down', error: 'not connected' } },
    });
  });
});

import { Roles as RoleNames, Role } from '@careloop/contracts';
import { BaseEnv, PlatformConfigModule } from '@careloop/observability';
import { Controller, Get, Param } from '@nestjs/common';
import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Connection, Model } from 'mongoose';
import { mintDevToken } from '../auth/mint-dev-token';
import { Roles } from '../auth/auth.decorators';
import { SecurityModule } from '../security.module';
import { AuditAction, AuditEvent } from './audit-event';
import { AuditService } from './audit.service';
import { AUDIT_EVENT_MODEL, AUDIT_EVENTS_COLLECTION } from './schemas/audit-event.schema';

const SECRET = 'int-test-only-dev-secret-0123456789ab';
const MONGODB_URI = process.env['MONGODB_URI'];
const DB_NAME = `${process.env['MONGODB_DB_PREFIX'] ?? ''}security_audit_${process.pid}`;

@Controller('care-plans')
class CarePlansController {
  constructor(private readonly audit: AuditService) {}

  @Roles(RoleNames.CareManager, RoleNames.Supervisor)
  @Get(':id')
  async read(@Param('id') id: string): Promise<{ id: string }> {
    await this.audit.record({ action: 'read', resourceType: 'care-plan', resourceId: id, clientId: `client-of-${id}` });
    return { id };
  }

  @Roles(RoleNames.Admin)
  @Get('broken/:id')
  async broken(@Param('id') id: string): Promise<{ id: string }> {
    // A write the store refuses: the request must fail rather than answer without a trail.
    await this.audit.record({ action: 'peek' as AuditAction, resourceType: 'care-plan', resourceId: id });
    return { id };
  }
}

const token = (tenantId: string, roles: Role[], subject = 'user-0001'): Promise<string> =>
  mintDevToken({ secret: SECRET, issuer: 'careloop-dev', audience: 'careloop', subject, tenantId, roles });

describe('Audit trail against the MongoDB-protocol server', () => {
  let app: NestFastifyApplication;
  let connection: Connection;
  let events: Model<AuditEvent>;

  const get = async (url: string, bearer?: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers } });

  beforeAll(async () => {
    if (!MONGODB_URI) throw new Error('MONGODB_URI is not set (the jest global setup provides it)');
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformConfigModule.forRoot(BaseEnv, {
          PORT: '3000',
          SERVICE_NAME: 'security-int',
          KAFKA_BROKERS: '127.0.0.1:9092',
          MONGODB_URI,
          NODE_ENV: 'test',
          AUTH_DEV_SECRET: SECRET,
        }),
        MongooseModule.forRoot(MONGODB_URI, { dbName: DB_NAME }),
        SecurityModule.forRoot(),
      ],
      controllers: [CarePlansController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    connection = app.get<Connection>(getConnectionToken());
    events = app.get<Model<AuditEvent>>(getModelToken(AUDIT_EVENT_MODEL));
    await events.init();
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await app?.close();
  });

  it('stores who read which record, why, in which tenant and request', async () => {
    const res = await get('/care-plans/plan-0001', await token('tenant-a', [RoleNames.CareManager]), {
      'x-correlation-id': 'corr-audit-1',
      'x-purpose-of-use': 'treatment',
    });
    expect(res.statusCode).toBe(200);
    const stored = await connection.collection(AUDIT_EVENTS_COLLECTION).find({ correlationId: 'corr-audit-1' }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      tenantId: 'tenant-a',
      actor: { subject: 'user-0001', roles: ['care-manager'] },
      action: 'read',
      resourceType: 'care-plan',
      resourceId: 'plan-0001',
      clientId: 'client-of-plan-0001',
      reason: 'treatment',
      outcome: 'success',
      correlationId: 'corr-audit-1',
    });
    expect(stored[0]?.['at']).toBeInstanceOf(Date);
  });

  it('creates the tenant-scoped indexes', async () => {
    const keys = (await connection.collection(AUDIT_EVENTS_COLLECTION).indexes()).map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        { tenantId: 1, clientId: 1, at: -1 },
        { tenantId: 1, resourceType: 1, resourceId: 1, at: -1 },
      ]),
    );
  });

  it('fails the request when the audit event cannot be stored', async () => {
    const res = await get('/care-plans/broken/plan-0009', await token('tenant-a', [RoleNames.Admin]));
    expect(res.statusCode).toBe(500);
    expect(await events.countDocuments({ resourceId: 'plan-0009' })).toBe(0);
  });

  it('keeps the trail append-only', async () => {
    await expect(events.updateOne({ tenantId: 'tenant-a' }, { $set: { reason: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(events.deleteMany({ tenantId: 'tenant-a' })).rejects.toThrow(/append-only/);
  });

  describe('GET /audit', () => {
    beforeAll(async () => {
      const careA = await token('tenant-a', [RoleNames.CareManager], 'user-a1');
      const careB = await token('tenant-b', [RoleNames.Supervisor], 'user-b1');
      for (const id of ['plan-a1', 'plan-a2', 'plan-a3']) expect((await get(`/care-plans/${id}`, careA)).statusCode).toBe(200);
      expect((await get('/care-plans/plan-b1', careB)).statusCode).toBe(200);
    });

    it("returns only the caller's tenant, newest first, paged", async () => {
      const admin = await token('tenant-a', [RoleNames.Admin], 'admin-a');
      const res = await get('/audit?resourceType=care-plan&perPage=2', admin);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ page: 1, perPage: 2, total: 4 });
      expect(body.items.map((e: AuditEvent) => e.resourceId)).toEqual(['plan-a3', 'plan-a2']);
      const page2 = (await get('/audit?resourceType=care-plan&perPage=2&page=2', admin)).json();
      expect(page2.items.map((e: AuditEvent) => e.resourceId)).toEqual(['plan-a1', 'plan-0001']);

      const all = (await get('/audit?perPage=200', admin)).json();
      expect(all.items.length).toBeGreaterThan(0);
      expect(all.items.every((e: AuditEvent) => e.tenantId === 'tenant-a')).toBe(true);
      expect(all.items.map((e: AuditEvent) => e.resourceId)).not.toContain('plan-b1');
      const times = all.items.map((e: AuditEvent) => new Date(e.at).getTime());
      expect([...times].sort((x, y) => y - x)).toEqual(times);

      const other = (await get('/audit?resourceType=care-plan', await token('tenant-b', [RoleNames.Admin], 'admin-b'))).json();
      expect(other.items.map((e: AuditEvent) => e.resourceId)).toEqual(['plan-b1']);
    });

    it('filters by client, actor and time, and records the search itself', async () => {
      const admin = await token('tenant-a', [RoleNames.Admin], 'admin-a');
      const byClient = (await get('/audit?clientId=client-of-plan-a2&resourceType=care-plan', admin)).json();
      expect(byClient.items.map((e: AuditEvent) => e.resourceId)).toEqual(['plan-a2']);
      const byActor = (await get('/audit?actor=user-a1&resourceType=care-plan', admin)).json();
      expect(byActor.total).toBe(3);
      const future = (await get('/audit?from=2999-01-01T00:00:00Z', admin)).json();
      expect(future.total).toBe(0);
      const searches = (await get('/audit?resourceType=audit-event&actor=admin-a', admin)).json();
      expect(searches.total).toBeGreaterThan(0);
    });

    it('refuses non-admins (and records the denial) and bad queries', async () => {
      const res = await get('/audit', await token('tenant-a', [RoleNames.Supervisor, RoleNames.CareManager], 'user-a9'));
      expect(res.statusCode).toBe(403);
      expect(await events.countDocuments({ tenantId: 'tenant-a', action: 'access-denied', 'actor.subject': 'user-a9' })).toBe(1);
      expect((await get('/audit')).statusCode).toBe(401);
      const admin = await token('tenant-a', [RoleNames.Admin], 'admin-a');
      expect((await get('/audit?perPage=500', admin)).statusCode).toBe(400);
      expect((await get('/audit?page=0', admin)).statusCode).toBe(400);
      expect((await get('/audit?from=yesterday', admin)).statusCode).toBe(400);
      expect((await get('/audit?tenantId=tenant-b', admin)).statusCode).toBe(400);
    });
  });
});

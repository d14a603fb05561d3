import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ClientRegistered, ReferralStatusChanged, Roles } from '@careloop/contracts';
import { RequestValidationError } from '@careloop/runtime';
import { AuditService, Principal } from '@careloop/security';
import { NotificationEnv } from '../config/notification.env';
import { HostResolver } from '../domain/webhook-url-policy';
import { CreateWebhookSubscriptionDto } from './dto/create-webhook-subscription.dto';
import { HOST_RESOLVER } from './host-resolver';
import { WebhookSubscriptionRecord } from './schemas/webhook-subscription.schema';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/** An in-memory stand-in for the repository: the boundary faked, the service's rules real. */
class FakeRepository {
  readonly stored = new Map<string, WebhookSubscriptionRecord>();
  async insert(s: WebhookSubscriptionRecord): Promise<void> {
    this.stored.set(s._id, { ...s });
  }
  async find(tenantId: string, id: string, partnerId?: string): Promise<WebhookSubscriptionRecord | null> {
    const s = this.stored.get(id);
    return s && s.tenantId === tenantId && (!partnerId || s.partnerId === partnerId) ? { ...s } : null;
  }
  async list(tenantId: string, partnerId?: string): Promise<WebhookSubscriptionRecord[]> {
    return [...this.stored.values()].filter((s) => s.tenantId === tenantId && (!partnerId || s.partnerId === partnerId));
  }
  async rotateSecret(tenantId: string, id: string, version: number, secret: string, until: Date): Promise<boolean> {
    const s = this.stored.get(id);
    if (!s || s.version !== version || !s.active) return false;
    this.stored.set(id, { ...s, previousSecret: s.secret, secret, previousSecretValidUntil: until, version: version + 1 });
    return true;
  }
  async deactivate(tenantId: string, id: string): Promise<void> {
    const s = this.stored.get(id);
    if (s) this.stored.set(id, { ...s, active: false });
  }
}

const publicResolver: HostResolver = async () => ['93.184.215.14'];
const rebindingResolver: HostResolver = async () => ['10.0.0.7'];

async function build(allowPrivate: boolean, resolver: HostResolver = publicResolver) {
  const repository = new FakeRepository();
  const audit = { record: jest.fn().mockResolvedValue(undefined) };
  const env = Object.assign(new NotificationEnv(), { WEBHOOK_ALLOW_PRIVATE_TARGETS: allowPrivate, WEBHOOK_SECRET_GRACE_HOURS: 24 });
  const moduleRef = await Test.createTestingModule({
    providers: [
      WebhookSubscriptionsService,
      { provide: WebhookSubscriptionsRepository, useValue: repository },
      { provide: AuditService, useValue: audit },
      { provide: NotificationEnv, useValue: env },
      { provide: HOST_RESOLVER, useValue: resolver },
    ],
  }).compile();
  return { service: moduleRef.get(WebhookSubscriptionsService), repository, audit };
}

const partner = (partnerId = 'partner-a'): Principal => ({ subject: `sys-${partnerId}`, tenantId: 't-1', roles: [Roles.Partner], partnerId });
const admin: Principal = { subject: 'admin-1', tenantId: 't-1', roles: [Roles.Admin] };
const body = { url: 'https://hooks.partner.example/careloop', eventTypes: [ReferralStatusChanged.type] };

async function fieldsOf(promise: Promise<unknown>): Promise<string[]> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RequestValidationError);
  return (err as RequestValidationError).fields.map((f) => f.field);
}

describe('WebhookSubscriptionsService', () => {
  it('creates a subscription for the partner of the token and returns the secret once', async () => {
    const { service, repository, audit } = await build(false);
    const created = await service.create(partner(), body);
    expect(created).toMatchObject({ partnerId: 'partner-a', active: true, url: body.url, eventTypes: body.eventTypes });
    expect(created.secret).toMatch(/^whsec_/);
    expect(repository.stored.get(created.id)?.secret).toBe(created.secret);
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ action: 'create', resourceType: 'WebhookSubscription' }));
    const [listed] = await service.list(partner(), undefined);
    expect(listed).not.toHaveProperty('secret');
  });

  it('refuses loopback, private, link-local and plain-http targets unless private targets are allowed', async () => {
    const { service } = await build(false);
    for (const url of ['http://127.0.0.1:8080/hook', 'https://127.0.0.1/hook', 'https://localhost/hook', 'https://192.168.1.20/hook', 'https://169.254.169.254/', 'https://user:pw@hooks.partner.example/']) {
      expect(await fieldsOf(service.create(partner(), { ...body, url }))).toEqual(['url']);
    }
    const { service: rebound } = await build(false, rebindingResolver);
    expect(await fieldsOf(rebound.create(partner(), body))).toEqual(['url']);

    const { service: dev } = await build(true);
    await expect(dev.create(partner(), { ...body, url: 'http://127.0.0.1:8080/hook' })).resolves.toMatchObject({ active: true });
    expect(await fieldsOf(dev.create(partner(), { ...body, url: 'https://169.254.169.254/' }))).toEqual(['url']);
  });

  it('keeps partners to their own subscriptions; admins choose the partner', async () => {
    const { service } = await build(false);
    await expect(service.create(partner(), { ...body, partnerId: 'partner-b' })).rejects.toBeInstanceOf(ForbiddenException);
    await expect(service.create({ ...partner(), partnerId: undefined }, body)).rejects.toBeInstanceOf(ForbiddenException);
    expect(await fieldsOf(service.create(admin, body))).toEqual(['partnerId']);
    const forB = await service.create(admin, { ...body, partnerId: 'partner-b' });
    expect(forB.partnerId).toBe('partner-b');
    await expect(service.rotateSecret(partner('partner-a'), forB.id)).rejects.toBeInstanceOf(NotFoundException);
    expect(await service.list(partner('partner-a'), 'partner-b')).toEqual([]);
    expect((await service.list(admin, 'partner-b')).map((s) => s.id)).toEqual([forB.id]);
  });

  it('rotates the secret keeping the previous one for the grace period, and refuses to rotate an inactive one', async () => {
    const { service, repository } = await build(false);
    const created = await service.create(partner(), body);
    const rotated = await service.rotateSecret(partner(), created.id);
    expect(rotated.secret).not.toBe(created.secret);
    const stored = repository.stored.get(created.id);
    expect(stored?.previousSecret).toBe(created.secret);
    expect(new Date(rotated.previousSecretValidUntil ?? 0).getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    await service.deactivate(partner(), created.id);
    await expect(service.rotateSecret(partner(), created.id)).rejects.toBeInstanceOf(ConflictException);
  });

  it('accepts only partner-shareable event types (DTO rule)', async () => {
    const errors = await validate(plainToInstance(CreateWebhookSubscriptionDto, { ...body, eventTypes: [ClientRegistered.type] }));
    expect(errors.map((e) => e.property)).toEqual(['eventTypes']);
  });
});

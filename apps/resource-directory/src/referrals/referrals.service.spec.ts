import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Roles, type Role } from '@careloop/contracts';
import { EventFactory } from '@careloop/messaging';
import { RequestContext } from '@careloop/observability';
import { RequestValidationError } from '@careloop/runtime';
import { AuditService, type Principal } from '@careloop/security';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';
import type { Referral } from './schemas/referral.schema';

const TENANT = 'tenant-unit';

function referral(overrides: Partial<Referral> = {}): Referral {
  return {
    _id: 'ref-1',
    tenantId: TENANT,
    clientId: 'client-1',
    carePlanId: 'plan-1',
    needId: 'need-1',
    needCategory: 'food-insecurity',
    urgency: 'routine',
    context: { preferredLanguage: 'es', ageBand: '26-44', area: { postalCode: '02118', latitude: 42.36, longitude: -71.06 } },
    consentToShare: false,
    requestedBy: 'cm-1',
    requestedAt: new Date('2025-06-01T10:00:00Z'),
    candidates: [
      { serviceId: 'svc-1', organizationId: 'org-1', score: 0.9, reasons: ['category-match'], components: { need: 1, distance: 1, language: 1, capacity: 1, eligibility: 1 } },
    ],
    selectedServiceId: 'svc-1',
    selectedOrganizationId: 'org-1',
    matchedAt: new Date('2025-06-01T10:00:01Z'),
    status: 'requested',
    statusHistory: [],
    version: 1,
    ...overrides,
  };
}

const principal = (roles: Role[], organizationId?: string): Principal => ({
  subject: 'user-1',
  tenantId: TENANT,
  roles,
  ...(organizationId ? { organizationId } : {}),
});

describe('ReferralsService', () => {
  let stored: Referral | null;
  const repository = {
    findById: jest.fn(async () => stored),
    changeStatus: jest.fn(async () => true),
    list: jest.fn(async () => ({ items: stored ? [stored] : [], total: stored ? 1 : 0 })),
  };
  const audit = { record: jest.fn(async () => undefined) };
  let service: ReferralsService;

  beforeEach(async () => {
    jest.clearAllMocks();
    stored = referral();
    const moduleRef = await Test.createTestingModule({
      providers: [
        ReferralsService,
        { provide: ReferralsRepository, useValue: repository },
        { provide: AuditService, useValue: audit },
        { provide: EventFactory, useValue: new EventFactory('resource-directory') },
      ],
    }).compile();
    service = moduleRef.get(ReferralsService);
  });

  const inContext = <T>(fn: () => Promise<T>): Promise<T> => RequestContext.run({ correlationId: 'corr-1', tenantId: TENANT }, fn);
  const change = (who: Principal, body: Parameters<ReferralsService['changeStatus']>[2]) => inContext(() => service.changeStatus(who, 'ref-1', body));

  it('lets the receiving organization accept, with the event and an audit record', async () => {
    const view = await change(principal([Roles.Organization], 'org-1'), { status: 'accepted' });
    expect(view).toMatchObject({ status: 'accepted', version: 2 });
    const [, , expectedVersion, statusChange, [event]] = repository.changeStatus.mock.calls[0] as unknown as [
      string,
      string,
      number,
      { entry: { changedBy: string; from: string } },
      Array<{ topic: string; value: string }>,
    ];
    expect(expectedVersion).toBe(1);
    expect(statusChange.entry).toMatchObject({ from: 'requested', changedBy: 'receiver' });
    expect(JSON.parse(event.value)).toMatchObject({ status: 'accepted', from: 'requested', changedBy: 'receiver', organizationId: 'org-1' });
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ action: 'update', clientId: 'client-1' }));
  });

  it("hides another organization's referral as missing, and records the attempt", async () => {
    await expect(change(principal([Roles.Organization], 'org-2'), { status: 'accepted' })).rejects.toBeInstanceOf(NotFoundException);
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ action: 'access-denied', resourceId: 'ref-1' }));
    expect(repository.changeStatus).not.toHaveBeenCalled();
  });

  it('refuses an organization user whose token names no organization', async () => {
    await expect(change(principal([Roles.Organization]), { status: 'accepted' })).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('answers 409 for a move the lifecycle forbids, 403 for the wrong side, 400 per field for missing details', async () => {
    stored = referral({ status: 'accepted' });
    await expect(change(principal([Roles.Organization], 'org-1'), { status: 'requested' })).rejects.toBeInstanceOf(ConflictException);
    await expect(change(principal([Roles.CareManager]), { status: 'completed', outcome: 'got-help' })).rejects.toBeInstanceOf(ForbiddenException);
    const missing = await change(principal([Roles.Organization], 'org-1'), { status: 'failed' }).catch((err: unknown) => err);
    expect(missing).toBeInstanceOf(RequestValidationError);
    expect((missing as RequestValidationError).fields.map((f) => f.field).sort()).toEqual(['outcome', 'statusReason']);
    expect(repository.changeStatus).not.toHaveBeenCalled();
  });

  it('lets the care team cancel with a reason, and admin act for either side', async () => {
    await expect(change(principal([Roles.CaseManager]), { status: 'cancelled', statusReason: 'client moved away' })).resolves.toMatchObject({
      status: 'cancelled',
      statusReason: 'client moved away',
    });
    await expect(change(principal([Roles.Admin]), { status: 'accepted' })).resolves.toMatchObject({ status: 'accepted' });
    const lastEvent = (repository.changeStatus.mock.calls.at(-1) as unknown as [unknown, unknown, unknown, unknown, Array<{ value: string }>])[4][0];
    expect(JSON.parse(lastEvent.value).changedBy).toBe('receiver');
  });

  it('answers 409 when the referral moved since it was read', async () => {
    await expect(change(principal([Roles.Organization], 'org-1'), { status: 'accepted', expectedVersion: 2 })).rejects.toBeInstanceOf(ConflictException);
    repository.changeStatus.mockResolvedValueOnce(false);
    await expect(change(principal([Roles.Organization], 'org-1'), { status: 'accepted' })).rejects.toBeInstanceOf(ConflictException);
  });

  it('never requests a draft that has no service to request', async () => {
    stored = referral({ status: 'draft', selectedServiceId: undefined, selectedOrganizationId: undefined });
    await expect(change(principal([Roles.CareManager]), { status: 'requested' })).rejects.toBeInstanceOf(ConflictException);
  });

  it('shows an organization the minimum necessary, and the client context only with consent', async () => {
    const org = principal([Roles.Organization], 'org-1');
    const withoutConsent = await inContext(() => service.get(org, 'ref-1'));
    expect(withoutConsent).not.toHaveProperty('client');
    for (const hidden of ['candidates', 'carePlanId', 'needId', 'requestedBy']) expect(withoutConsent).not.toHaveProperty(hidden);
    stored = referral({ consentToShare: true });
    const withConsent = await inContext(() => service.get(org, 'ref-1'));
    expect(withConsent.client).toEqual({ preferredLanguage: 'es', ageBand: '26-44', area: { postalCode: '02118' } });
    const careTeam = await inContext(() => service.get(principal([Roles.CareManager]), 'ref-1'));
    expect(careTeam.client?.area).toEqual({ postalCode: '02118', latitude: 42.36, longitude: -71.06 });
    expect(careTeam.candidates).toHaveLength(1);
  });

  it("lists an organization's referrals only, and one client's for client-scoped care team roles", async () => {
    await inContext(() => service.list(principal([Roles.Organization], 'org-1'), { clientId: 'someone-else' }));
    expect(repository.list).toHaveBeenLastCalledWith({ tenantId: TENANT, selectedOrganizationId: 'org-1' }, 0, 20);
    await expect(inContext(() => service.list(principal([Roles.Provider]), {}))).rejects.toBeInstanceOf(RequestValidationError);
    await inContext(() => service.list(principal([Roles.Supervisor]), { status: 'requested', page: 2, perPage: 10 }));
    expect(repository.list).toHaveBeenLastCalledWith({ tenantId: TENANT, status: 'requested' }, 10, 10);
  });
});

/// <reference types="jest" />
import {
  CaseAssigned,
  ClientRegistered,
  EventContractError,
  EventEnvelope,
  NeedAssessed,
  ReferralMade,
  ReferralStatusChanged,
  TaskAssigned,
  createEnvelope,
} from '@careloop/contracts';
import { PARTNER_SHAREABLE_EVENT_TYPES, isPartnerShareable, toPartnerPayload } from './partner-payload';

const ctx = { tenantId: 'tenant-test', correlationId: 'corr-test-1' };
const time = new Date('2025-03-10T12:00:00.000Z');
const source = '/careloop/test';

describe('toPartnerPayload', () => {
  it('keeps ids and status fields of a referral status change, and drops the free-text reason', () => {
    const { envelope } = createEnvelope(
      ReferralStatusChanged,
      {
        referralId: 'ref-test-1',
        clientId: 'client-test-1',
        serviceId: 'svc-test-1',
        organizationId: 'org-test-1',
        from: 'requested',
        status: 'accepted',
        statusReason: 'Spoke with Jane Doe about her depression',
        outcome: 'got-help',
        needCategory: 'food-insecurity',
      changedBy: 'receiver',
        changedAt: '2025-03-10T11:59:00.000Z',
      },
      ctx,
      { id: 'evt-test-1', source, time },
    );
    const payload = toPartnerPayload(envelope);
    expect(payload).toEqual({
      id: 'evt-test-1',
      type: ReferralStatusChanged.type,
      time: '2025-03-10T12:00:00.000Z',
      tenant: 'tenant-test',
      subject: { clientId: 'client-test-1', referralId: 'ref-test-1', serviceId: 'svc-test-1', organizationId: 'org-test-1' },
      status: { from: 'requested', status: 'accepted', outcome: 'got-help', changedAt: '2025-03-10T11:59:00.000Z' },
    });
    expect(JSON.stringify(payload)).not.toMatch(/Jane|depression|food-insecurity|changedBy/);
  });

  it('leaves out the need category and the client context of a referral', () => {
    const { envelope } = createEnvelope(
      ReferralMade,
      {
        referralId: 'ref-test-2',
        clientId: 'client-test-1',
        carePlanId: 'plan-test-1',
        needId: 'need-test-1',
        needCategory: 'mental-health',
        urgency: 'urgent',
        context: { preferredLanguage: 'es', ageBand: '26-44', area: { postalCode: '00000', latitude: 1, longitude: 1 } },
        consentToShare: true,
        requestedBy: 'mgr-test-1',
        requestedAt: '2025-03-10T11:00:00.000Z',
      },
      ctx,
      { id: 'evt-test-2', source, time },
    );
    const payload = toPartnerPayload(envelope);
    expect(payload?.subject).toEqual({ clientId: 'client-test-1', referralId: 'ref-test-2', carePlanId: 'plan-test-1' });
    expect(payload?.status).toEqual({ urgency: 'urgent', requestedAt: '2025-03-10T11:00:00.000Z' });
    expect(JSON.stringify(payload)).not.toMatch(/mental|ageBand|postalCode|mgr-test-1/);
  });

  it('omits the assignee of a case', () => {
    const { envelope } = createEnvelope(
      CaseAssigned,
      {
        caseId: 'case-test-1',
        clientId: 'client-test-1',
        needIds: ['need-test-1'],
        role: 'care-manager',
        assigneeId: 'mgr-test-1',
        reason: 'caseload-balance',
        urgent: false,
        assignedAt: '2025-03-10T11:00:00.000Z',
      },
      ctx,
      { id: 'evt-test-3', source, time },
    );
    expect(toPartnerPayload(envelope)).toMatchObject({ subject: { clientId: 'client-test-1', caseId: 'case-test-1' }, status: { assignedAt: '2025-03-10T11:00:00.000Z' } });
    expect(JSON.stringify(toPartnerPayload(envelope))).not.toContain('mgr-test-1');
  });

  it.each([ClientRegistered.type, NeedAssessed.type, TaskAssigned.type, 'careloop.unknown.Thing.v1'])(
    'never shares %s',
    (type) => {
      expect(isPartnerShareable(type)).toBe(false);
      const envelope = { id: 'evt-x', type, time: time.toISOString(), tenantid: 'tenant-test', data: {} } as unknown as EventEnvelope;
      expect(toPartnerPayload(envelope)).toBeUndefined();
    },
  );

  it('lists only catalog event types', () => {
    expect(PARTNER_SHAREABLE_EVENT_TYPES).toContain(ReferralStatusChanged.type);
    expect(PARTNER_SHAREABLE_EVENT_TYPES.every((t) => t.startsWith('careloop.'))).toBe(true);
  });

  it('refuses a payload that breaks its schema instead of passing it on', () => {
    const envelope = {
      id: 'evt-bad',
      type: ReferralStatusChanged.type,
      time: time.toISOString(),
      tenantid: 'tenant-test',
      data: { referralId: 'ref-1', clientId: 'client-1', status: 'accepted', changedByRole: 'x', changedAt: 'yesterday', name: 'Jane' },
    } as unknown as EventEnvelope;
    expect(() => toPartnerPayload(envelope)).toThrow(EventContractError);
  });
});

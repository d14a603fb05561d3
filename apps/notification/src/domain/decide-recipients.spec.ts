/// <reference types="jest" />
import {
  CaseAssigned,
  CaseAssignedV1,
  EventEnvelope,
  NotificationDelivered,
  ReferralStatusChanged,
  ReferralStatusChangedV1,
  TaskAssigned,
  TaskAssignedV1,
  createEnvelope,
} from '@careloop/contracts';
import { ClientContactCopy, NotificationKnowledge, WebhookSubscription, decideNotifications, explainNotifications } from './decide-recipients';

const TENANT = 'tenant-test';
const CLIENT = 'client-test-1';
const ctx = { tenantId: TENANT, correlationId: 'corr-test-1' };
const source = '/careloop/test';
// 14:00 UTC = 09:00 in New York in January: outside usual quiet hours.
const DAYTIME = new Date('2025-01-10T14:00:00.000Z');
// 03:00 UTC = 22:00 in New York.
const NIGHT = new Date('2025-01-11T03:00:00.000Z');
const quietNY = { quietHours: { start: '21:00', end: '07:00', timeZone: 'America/New_York' } };

function caseAssigned(over: Partial<CaseAssignedV1> = {}): EventEnvelope {
  return createEnvelope(
    CaseAssigned,
    {
      caseId: 'case-test-1',
      clientId: CLIENT,
      needIds: ['need-test-1'],
      role: 'case-manager',
      assigneeId: 'mgr-test-1',
      reason: 'caseload-balance',
      urgent: false,
      assignedAt: '2025-01-10T13:59:00.000Z',
      ...over,
    },
    ctx,
    { id: 'evt-case-1', source },
  ).envelope;
}

function taskAssigned(over: Partial<TaskAssignedV1> = {}): EventEnvelope {
  return createEnvelope(
    TaskAssigned,
    {
      taskId: 'task-test-1',
      carePlanId: 'plan-test-1',
      clientId: CLIENT,
      ownerId: 'mgr-test-2',
      ownerRole: 'care-manager',
      priority: 'urgent',
      templateKey: 'phq9-urgent-safety-check',
      dueDate: '2025-01-10',
      assignedAt: '2025-01-10T13:59:00.000Z',
      ...over,
    },
    ctx,
    { id: 'evt-task-1', source },
  ).envelope;
}

function referralStatus(over: Partial<ReferralStatusChangedV1> = {}): EventEnvelope {
  return createEnvelope(
    ReferralStatusChanged,
    {
      referralId: 'ref-test-1',
      clientId: CLIENT,
      from: 'requested',
      status: 'accepted',
      needCategory: 'food-insecurity',
      changedBy: 'receiver',
      changedAt: '2025-01-10T13:59:00.000Z',
      ...over,
    },
    ctx,
    { id: 'evt-ref-1', source },
  ).envelope;
}

function contact(over: Partial<ClientContactCopy> = {}, consent: Partial<ClientContactCopy['consent']> = {}): ClientContactCopy {
  return {
    clientId: CLIENT,
    preferredChannel: 'sms',
    preferredLanguage: 'es',
    hasEmail: true,
    hasPhone: true,
    ...over,
    consent: { contactByEmail: true, contactBySms: true, shareWithPartners: true, ...consent },
  };
}

const subscription = (over: Partial<WebhookSubscription> = {}): WebhookSubscription => ({
  subscriptionId: 'sub-test-1',
  tenantId: TENANT,
  partnerId: 'partner-test-1',
  eventTypes: [ReferralStatusChanged.type],
  active: true,
  ...over,
});

function knowledge(over: Partial<NotificationKnowledge> = {}): NotificationKnowledge {
  return { now: DAYTIME, client: contact(), clientPartnerIds: [], subscriptions: [], ...over };
}

describe('decideNotifications: care team', () => {
  it('emails the assigned manager when a case is assigned, with ids-only render context', () => {
    expect(decideNotifications(caseAssigned(), knowledge())).toEqual([
      {
        key: 'evt-case-1:care-team:mgr-test-1:email',
        sourceEventId: 'evt-case-1',
        sourceEventType: CaseAssigned.type,
        clientId: CLIENT,
        recipientKind: 'care-team',
        recipientRef: 'mgr-test-1',
        channel: 'email',
        templateKey: 'case-assigned',
        language: 'en',
        urgent: false,
        context: { caseId: 'case-test-1', date: '2025-01-10' },
      },
    ]);
  });

  it("uses the manager's language preference", () => {
    const [n] = decideNotifications(caseAssigned(), knowledge({ preferences: { 'mgr-test-1': { language: 'es' } } }));
    expect(n.language).toBe('es');
  });

  it('emails the owner of an urgent task, marked urgent', () => {
    expect(decideNotifications(taskAssigned(), knowledge())).toMatchObject([
      { recipientKind: 'care-team', recipientRef: 'mgr-test-2', channel: 'email', templateKey: 'task-assigned-urgent', urgent: true, context: { taskId: 'task-test-1', dueDate: '2025-01-10' } },
    ]);
  });

  it('says nothing about a routine task', () => {
    expect(decideNotifications(taskAssigned({ priority: 'routine' }), knowledge())).toEqual([]);
  });

  it('never puts the task key (which can name a condition) in the render context', () => {
    const [n] = decideNotifications(taskAssigned(), knowledge());
    expect(JSON.stringify(n)).not.toContain('phq9');
  });

  it('ignores events it has no rule for', () => {
    const delivered = createEnvelope(
      NotificationDelivered,
      {
        notificationId: 'n-1',
        sourceEventId: 'evt-1',
        sourceEventType: 'x',
        channel: 'email',
        recipientKind: 'care-team',
        recipientRef: 'mgr-1',
        attempt: 1,
        at: DAYTIME.toISOString(),
      },
      ctx,
      { id: 'evt-n-1', source },
    ).envelope;
    expect(explainNotifications(delivered, knowledge({ subscriptions: [subscription({ eventTypes: [NotificationDelivered.type] })], clientPartnerIds: ['partner-test-1'] }))).toEqual({ notifications: [], skipped: [] });
  });
});

describe('decideNotifications: client', () => {
  it('tells the client an accepted referral on the preferred channel, with the other consented one as fallback', () => {
    expect(decideNotifications(referralStatus(), knowledge())).toMatchObject([
      { recipientKind: 'client', recipientRef: CLIENT, channel: 'sms', fallbackChannel: 'email', templateKey: 'referral-accepted', language: 'es', urgent: false, context: { referralId: 'ref-test-1' } },
    ]);
  });

  it('falls back to the other channel when the preferred one is not consented', () => {
    const [n] = decideNotifications(referralStatus(), knowledge({ client: contact({}, { contactBySms: false }) }));
    expect(n).toMatchObject({ channel: 'email' });
    expect(n.fallbackChannel).toBeUndefined();
  });

  it('falls back when the preferred channel has no address on file', () => {
    const [n] = decideNotifications(referralStatus(), knowledge({ client: contact({ preferredChannel: 'email', hasEmail: false }) }));
    expect(n.channel).toBe('sms');
  });

  it('does not contact a client who consented to neither channel', () => {
    const decision = explainNotifications(referralStatus(), knowledge({ client: contact({}, { contactByEmail: false, contactBySms: false }) }));
    expect(decision.notifications).toEqual([]);
    expect(decision.skipped).toEqual([{ recipientKind: 'client', recipientRef: CLIENT, reason: 'no-consent' }]);
  });

  it('reports a consented channel without an address', () => {
    const decision = explainNotifications(
      referralStatus(),
      knowledge({ client: contact({ hasPhone: false }, { contactByEmail: false }) }),
    );
    expect(decision.skipped).toEqual([{ recipientKind: 'client', recipientRef: CLIENT, reason: 'no-contact-address' }]);
  });

  it('does not contact a client it has no contact copy for, or a copy of another client', () => {
    expect(explainNotifications(referralStatus(), knowledge({ client: undefined })).skipped).toEqual([
      { recipientKind: 'client', recipientRef: CLIENT, reason: 'no-client-contact' },
    ]);
    expect(decideNotifications(referralStatus(), knowledge({ client: contact({ clientId: 'client-test-2' }) }))).toEqual([]);
  });

  it.each(['requested', 'rejected', 'completed', 'in-progress'] as const)('does not tell the client about %s', (status) => {
    expect(decideNotifications(referralStatus({ status }), knowledge())).toEqual([]);
  });
});

describe('decideNotifications: partners', () => {
  const partnered = { clientPartnerIds: ['partner-test-1'], subscriptions: [subscription()] };

  it('sends a webhook to an active subscription of the tenant that covers the client and wants the event', () => {
    const result = decideNotifications(referralStatus({ status: 'completed' }), knowledge(partnered));
    expect(result).toEqual([
      expect.objectContaining({ recipientKind: 'partner', recipientRef: 'sub-test-1', channel: 'webhook', templateKey: 'partner-webhook', urgent: false }),
    ]);
    expect(result[0].context).toBeUndefined();
  });

  it.each([
    ['another tenant', { subscriptions: [subscription({ tenantId: 'tenant-other' })] }],
    ['an inactive subscription', { subscriptions: [subscription({ active: false })] }],
    ['another event type', { subscriptions: [subscription({ eventTypes: [CaseAssigned.type] })] }],
    ['a partner not covering the client', { clientPartnerIds: ['partner-test-2'] }],
  ])('sends nothing to %s', (_, over) => {
    expect(decideNotifications(referralStatus({ status: 'completed' }), knowledge({ ...partnered, ...over }))).toEqual([]);
  });

  it('sends nothing to partners without the client consent to share, and says so', () => {
    const decision = explainNotifications(referralStatus({ status: 'completed' }), knowledge({ ...partnered, client: contact({}, { shareWithPartners: false }) }));
    expect(decision.notifications).toEqual([]);
    expect(decision.skipped).toEqual([{ recipientKind: 'partner', recipientRef: 'sub-test-1', reason: 'no-partner-consent' }]);
    expect(decideNotifications(referralStatus({ status: 'completed' }), knowledge({ ...partnered, client: undefined }))).toEqual([]);
  });

  it('never sends a non-shareable event, even to a subscription asking for it', () => {
    const subs = [subscription({ eventTypes: [TaskAssigned.type] })];
    const result = decideNotifications(taskAssigned(), knowledge({ clientPartnerIds: ['partner-test-1'], subscriptions: subs }));
    expect(result.map((n) => n.recipientKind)).toEqual(['care-team']);
  });

  it('notifies the client and every matching partner for one accepted referral', () => {
    const subs = [subscription(), subscription({ subscriptionId: 'sub-test-2' })];
    const result = decideNotifications(referralStatus(), knowledge({ clientPartnerIds: ['partner-test-1'], subscriptions: subs }));
    expect(result.map((n) => `${n.recipientKind}:${n.recipientRef}`)).toEqual(['client:client-test-1', 'partner:sub-test-1', 'partner:sub-test-2']);
    expect(new Set(result.map((n) => n.key)).size).toBe(3);
  });
});

describe('decideNotifications: quiet hours', () => {
  it("defers a non-urgent email to the end of the recipient's quiet hours", () => {
    const [n] = decideNotifications(caseAssigned(), knowledge({ now: NIGHT, preferences: { 'mgr-test-1': quietNY } }));
    expect(n.notBefore).toBe('2025-01-11T12:00:00.000Z');
  });

  it('defers a non-urgent SMS to a client too', () => {
    const [n] = decideNotifications(referralStatus(), knowledge({ now: NIGHT, preferences: { [CLIENT]: quietNY } }));
    expect(n).toMatchObject({ channel: 'sms', notBefore: '2025-01-11T12:00:00.000Z' });
  });

  it('sends urgent messages at once', () => {
    const pref = { preferences: { 'mgr-test-1': quietNY, 'mgr-test-2': quietNY } };
    expect(decideNotifications(taskAssigned(), knowledge({ now: NIGHT, ...pref }))[0].notBefore).toBeUndefined();
    expect(decideNotifications(caseAssigned({ urgent: true }), knowledge({ now: NIGHT, ...pref }))[0].notBefore).toBeUndefined();
  });

  it('does not defer outside quiet hours, or webhooks ever', () => {
    expect(decideNotifications(caseAssigned(), knowledge({ preferences: { 'mgr-test-1': quietNY } }))[0].notBefore).toBeUndefined();
    const partnered = { clientPartnerIds: ['partner-test-1'], subscriptions: [subscription()], preferences: { 'sub-test-1': quietNY } };
    const [hook] = decideNotifications(referralStatus({ status: 'completed' }), knowledge({ now: NIGHT, ...partnered }));
    expect(hook.notBefore).toBeUndefined();
  });
});

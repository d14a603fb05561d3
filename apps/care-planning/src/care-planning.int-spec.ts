import { getModelToken } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import {
  AssessedNeed,
  CarePlanUpdated,
  CaseAssigned,
  ClientRegistered,
  EventDefinition,
  GoalStatusChanged,
  NeedAssessed,
  NeedAssessedV1,
  ReferralMade,
  ReferralStatusChanged,
  Role,
  Roles,
  TaskAssigned,
  decodeEvent,
  fromKafkaRecord,
} from '@careloop/contracts';
import { EventFactory, OutboxEntry, OutboxRelay, PROCESSED_EVENT_MODEL, ProcessedEvent, topicName } from '@careloop/messaging';
import { RequestContext } from '@careloop/observability';
import { AUDIT_EVENT_MODEL, AuditEvent } from '@careloop/security';
import { TestApp, TopicRecorder, eventually, startTestApp, testKafka } from '@careloop/testing';
import { Producer } from 'kafkajs';
import type { Model } from 'mongoose';
import { z } from 'zod';
import { AppModule } from './app.module';
import { CareRecordEntity } from './care-plans/schemas/care-record.schema';
import { NeedPlanningService } from './care-plans/need-planning.service';
import { ClientProfile } from './client-profiles/schemas/client-profile.schema';
import { addDays, calendarDate } from './domain/calendar-date';

const RUN = randomUUID().slice(0, 8);
const TENANT = `tenant-cp-${RUN}`;
const OTHER_TENANT = `tenant-cp-other-${RUN}`;
const OUTPUT = [CaseAssigned, CarePlanUpdated, GoalStatusChanged, TaskAssigned, ReferralMade] as const;

// Producers of the events care-planning consumes (their real sources are other services).
const intake = new EventFactory('intake');
const resourceDirectory = new EventFactory('resource-directory');

/** Only these may leave in a ReferralMade: category, urgency, language, age band, area, consent (no clinical detail). */
const REFERRAL_KEYS = ['referralId', 'clientId', 'carePlanId', 'needId', 'needCategory', 'urgency', 'context', 'consentToShare', 'requestedBy', 'requestedAt'];

function need(partial: Partial<AssessedNeed> & Pick<AssessedNeed, 'domain' | 'category'>): AssessedNeed {
  return {
    needId: `need-${randomUUID()}`,
    severity: 'moderate',
    urgent: false,
    code: { system: 'http://snomed.info/sct', code: '000000' },
    callsForCommunityResource: false,
    ...partial,
  };
}

function needAssessed(clientId: string, needs: AssessedNeed[]): NeedAssessedV1 {
  return {
    assessmentId: `assessment-${randomUUID()}`,
    clientId,
    instrument: 'AHC-HRSN',
    instrumentLoinc: '96777-8',
    completedAt: new Date().toISOString(),
    result: { positive: needs.length > 0 },
    needs,
    context: { preferredLanguage: 'es', ageBand: '45-64', area: { postalCode: '00000', latitude: 42.34, longitude: -71.07 } },
  };
}

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

interface TaskBody {
  taskId: string;
  templateKey: string;
  ownerId?: string;
  ownerRole: string;
  priority: string;
  status: string;
  dueDate: string;
  overdue?: boolean;
}

describe('care-planning against the real broker and database', () => {
  let testApp: TestApp;
  let recorder: TopicRecorder;
  let producer: Producer;
  let relay: OutboxRelay;
  let records: Model<CareRecordEntity & { outbox: OutboxEntry[] }>;
  let profiles: Model<ClientProfile>;
  let processed: Model<ProcessedEvent>;
  let audits: Model<AuditEvent>;
  const tokens: Record<string, string> = {};

  const clientId = `client-fake-${RUN}`;
  const warmUpClientId = `client-fake-warmup-${RUN}`;
  const depression = need({ domain: 'clinical', category: 'depression' });
  const food = need({ domain: 'social', category: 'food-insecurity', urgent: true, callsForCommunityResource: true });
  let assessedEntry: OutboxEntry;

  type Method = 'GET' | 'PUT' | 'PATCH' | 'POST';
  async function call(method: Method, url: string, who: string | undefined, body?: object) {
    const headers: Record<string, string> = who ? { authorization: `Bearer ${tokens[who]}` } : {};
    return testApp.app.inject({ method, url, headers, ...(body ? { payload: body } : {}) });
  }

  async function produce(entry: OutboxEntry): Promise<void> {
    await producer.send({ topic: topicName(entry.topic), messages: [{ key: entry.key, value: entry.value, headers: entry.headers }] });
  }

  function eventsFor<S extends z.ZodType>(def: EventDefinition<S>, key: string): Array<z.infer<S>> {
    return recorder
      .on(topicName(def.topic))
      .filter((r) => r.key === key)
      .map((r) => decodeEvent(def, fromKafkaRecord(r)).data);
  }

  function counts(key: string): Record<string, number> {
    return Object.fromEntries(OUTPUT.map((def) => [def.name, recorder.on(topicName(def.topic)).filter((r) => r.key === key).length]));
  }

  async function handled(handler: string, eventId: string, tenantId = TENANT): Promise<void> {
    await eventually(async () => expect(await processed.exists({ _id: `${handler}:${eventId}`, tenantId })).toBeTruthy());
  }

  async function caseloads(): Promise<Record<string, number>> {
    const res = await call('GET', '/managers', 'supervisor');
    expect(res.statusCode).toBe(200);
    return Object.fromEntries((res.json() as Array<{ managerId: string; openCaseCount: number }>).map((m) => [m.managerId, m.openCaseCount]));
  }

  async function carePlan(who = 'provider'): Promise<{
    carePlanId: string;
    version: number;
    problems: Array<{ problemId: string; category: string }>;
    goals: Array<{ goalId: string; problemId: string; lifecycleStatus: string }>;
    interventions: Array<{ interventionId: string; referralId?: string; referralStatus?: string; status: string }>;
    tasks: TaskBody[];
    cases: Array<{ caseId: string; role: string; assigneeId?: string; needIds: string[] }>;
    referrals: Array<{ referralId: string; status: string; interventionId: string }>;
    history: Array<{ version: number; change: string; actor: string }>;
  }> {
    const res = await call('GET', `/clients/${clientId}/care-plan`, who);
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    testApp = await startTestApp(AppModule, { service: 'care-planning' });
    relay = testApp.app.get(OutboxRelay);
    records = testApp.app.get(getModelToken(CareRecordEntity.name));
    profiles = testApp.app.get(getModelToken(ClientProfile.name));
    processed = testApp.app.get(getModelToken(PROCESSED_EVENT_MODEL));
    audits = testApp.app.get(getModelToken(AUDIT_EVENT_MODEL));
    recorder = await new TopicRecorder(OUTPUT.map((def) => topicName(def.topic))).start();
    producer = testKafka().producer();
    await producer.connect();
    const people: Array<[string, Role, string, string]> = [
      ['supervisor', Roles.Supervisor, 'supervisor-1', TENANT],
      ['admin', Roles.Admin, 'admin-1', TENANT],
      ['provider', Roles.Provider, 'provider-1', TENANT],
      ['organization', Roles.Organization, 'org-user-1', TENANT],
      ['cm-1', Roles.CareManager, 'cm-1', TENANT],
      ['csm-a', Roles.CaseManager, 'csm-a', TENANT],
      ['csm-b', Roles.CaseManager, 'csm-b', TENANT],
      ['other-supervisor', Roles.Supervisor, 'supervisor-9', OTHER_TENANT],
    ];
    for (const [name, role, subject, tenantId] of people) tokens[name] = await testApp.token({ tenantId, roles: [role], subject });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await testApp?.close();
  });

  it('keeps a roster of managers, for supervisors and admins only', async () => {
    expect((await call('PUT', '/managers/cm-1', undefined, { role: 'care-manager', active: true })).statusCode).toBe(401);
    expect((await call('PUT', '/managers/cm-1', 'cm-1', { role: 'care-manager', active: true })).statusCode).toBe(403);
    const bad = await call('PUT', '/managers/cm-1', 'supervisor', { role: 'nurse', active: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['active', 'role']);

    for (const [id, role] of [
      ['cm-1', 'care-manager'],
      ['csm-a', 'case-manager'],
      ['csm-b', 'case-manager'],
    ]) {
      const res = await call('PUT', `/managers/${id}`, 'supervisor', { role, active: true, languages: ['en'] });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ managerId: id, role, active: true, languages: ['en'], openCaseCount: 0 });
    }
    const list = await call('GET', '/managers', 'csm-a');
    expect(list.statusCode).toBe(200);
    expect((list.json() as Array<{ managerId: string }>).map((m) => m.managerId)).toEqual(['cm-1', 'csm-a', 'csm-b']);
  });

  it('routes a first client to the lower id on a tie, with consentToShare false while consent is unknown', async () => {
    const transport = need({ domain: 'social', category: 'transportation', callsForCommunityResource: true });
    await produce(intake.create(NeedAssessed, needAssessed(warmUpClientId, [transport]), { context: { tenantId: TENANT, correlationId: `warmup-${RUN}` } }));
    const [assigned] = await eventually(() => {
      const found = eventsFor(CaseAssigned, warmUpClientId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(assigned).toMatchObject({ role: 'case-manager', assigneeId: 'csm-a', reason: 'caseload-balance' });
    const [referral] = await eventually(() => {
      const found = eventsFor(ReferralMade, warmUpClientId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(referral.consentToShare).toBe(false);
    await eventually(async () => expect(await caseloads()).toEqual({ 'cm-1': 0, 'csm-a': 1, 'csm-b': 0 }));
  });

  it('turns a NeedAssessed into cases, plan, tasks and a referral', async () => {
    const registered = intake.create(
      ClientRegistered,
      {
        clientId,
        registeredAt: new Date().toISOString(),
        context: { preferredLanguage: 'es', ageBand: '45-64' },
        consent: { shareWithCommunityOrganizations: true, shareWithPartners: false, contactByEmail: false, contactBySms: false },
        coverage: [],
        contact: { preferredLanguage: 'es', email: 'nobody@example.invalid' },
        possibleDuplicateOf: [],
      },
      { context: { tenantId: TENANT, correlationId: `register-${RUN}` } },
    );
    await produce(registered);
    // Consent travels on another topic than needs; wait for it, as the platform cannot order across topics.
    await eventually(async () => expect((await profiles.findOne({ tenantId: TENANT, clientId }).lean())?.consentToShare).toBe(true));
    const stored = await profiles.findOne({ tenantId: TENANT, clientId }).lean();
    expect(keysOf(stored)).not.toContain('email');

    assessedEntry = intake.create(NeedAssessed, needAssessed(clientId, [depression, food]), { context: { tenantId: TENANT, correlationId: `assess-${RUN}` } });
    await produce(assessedEntry);

    const assigned = await eventually(() => {
      const found = eventsFor(CaseAssigned, clientId);
      expect(found).toHaveLength(2);
      return found;
    });
    // cm-1 is the only care manager; csm-b has fewer open cases than csm-a.
    expect(assigned.map((e) => [e.role, e.assigneeId, e.needIds, e.urgent, e.reason])).toEqual([
      ['care-manager', 'cm-1', [depression.needId], false, 'caseload-balance'],
      ['case-manager', 'csm-b', [food.needId], true, 'caseload-balance'],
    ]);

    const tasks = await eventually(() => {
      const found = eventsFor(TaskAssigned, clientId);
      expect(found.some((t) => t.priority === 'urgent')).toBe(true);
      return found;
    });
    const today = calendarDate(new Date());
    expect(tasks.find((t) => t.priority === 'urgent')).toMatchObject({ templateKey: 'food-emergency-same-day', ownerId: 'csm-b', ownerRole: 'case-manager', dueDate: today });
    expect(tasks.filter((t) => t.ownerRole === 'care-manager').every((t) => t.ownerId === 'cm-1')).toBe(true);

    const [referral] = await eventually(() => {
      const found = eventsFor(ReferralMade, clientId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(Object.keys(referral).sort()).toEqual([...REFERRAL_KEYS].sort());
    expect(referral).toMatchObject({ needId: food.needId, needCategory: 'food-insecurity', urgency: 'urgent', consentToShare: true, requestedBy: 'csm-b' });
    expect(Object.keys(referral.context).every((k) => ['preferredLanguage', 'ageBand', 'area'].includes(k))).toBe(true);
    for (const clinical of ['severity', 'code', 'score', 'total', 'band', 'answers', 'instrument', 'domain', 'urgentReason']) {
      expect(keysOf(referral)).not.toContain(clinical);
    }
    const [updated] = await eventually(() => {
      const found = eventsFor(CarePlanUpdated, clientId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(updated).toMatchObject({ version: 1, change: 'created', problemCount: 2 });

    const plan = await carePlan();
    expect(plan.problems.map((p) => p.category).sort()).toEqual(['depression', 'food-insecurity']);
    expect(plan.cases.map((c) => [c.role, c.assigneeId])).toEqual([
      ['care-manager', 'cm-1'],
      ['case-manager', 'csm-b'],
    ]);
    expect(plan.referrals).toEqual([expect.objectContaining({ referralId: referral.referralId, status: 'requested' })]);
    expect(plan.interventions.find((i) => i.referralId === referral.referralId)).toMatchObject({ referralStatus: 'requested', status: 'scheduled' });
    expect(plan.history).toEqual([expect.objectContaining({ version: 1, change: 'created', actor: 'care-planning' })]);
    expect(await audits.countDocuments({ tenantId: TENANT, action: 'read', resourceType: 'CarePlan', clientId })).toBeGreaterThanOrEqual(1);

    await eventually(async () => expect(await caseloads()).toEqual({ 'cm-1': 1, 'csm-a': 1, 'csm-b': 1 }));
  });

  it('changes nothing when the same NeedAssessed arrives again, through Kafka or straight after a crash', async () => {
    await relay.flush();
    const before = counts(clientId);
    const versionBefore = (await records.findOne({ tenantId: TENANT, clientId }).lean())?.version;

    // Redelivered (same event id), then a marker on the same partition: once the marker is handled, so was the repeat.
    await produce(assessedEntry);
    const marker = intake.create(NeedAssessed, needAssessed(clientId, []), { context: { tenantId: TENANT, correlationId: `marker-${RUN}` } });
    await produce(marker);
    await handled('plan-assessed-needs', marker.id);

    // The inbox cannot help after a crash between the effect and the inbox record: run the handler itself again.
    const envelope = decodeEvent(NeedAssessed, fromKafkaRecord(assessedEntry));
    const planning = testApp.app.get(NeedPlanningService);
    await RequestContext.run({ tenantId: TENANT, correlationId: 'replay', causationId: envelope.id }, () => planning.onNeedAssessed(envelope));

    await relay.flush();
    await new Promise((r) => setTimeout(r, 1500));
    expect(counts(clientId)).toEqual(before);
    const stored = await records.findOne({ tenantId: TENANT, clientId }).lean();
    expect(stored?.version).toBe(versionBefore);
    expect(stored?.outbox).toEqual([]);
    expect(stored?.cases).toHaveLength(2);
    expect(await caseloads()).toEqual({ 'cm-1': 1, 'csm-a': 1, 'csm-b': 1 });
  });

  it('moves goals along the FHIR lifecycle and refuses what it does not allow', async () => {
    const plan = await carePlan();
    const depressionProblem = plan.problems.find((p) => p.category === 'depression');
    const goal = plan.goals.find((g) => g.problemId === depressionProblem?.problemId);
    if (!goal) throw new Error('no depression goal');
    const url = `/care-plans/${plan.carePlanId}/goals/${goal.goalId}`;

    expect((await call('PATCH', url, 'organization', { status: 'accepted' })).statusCode).toBe(403);
    expect((await call('PATCH', url, 'cm-1', { status: 'done' })).statusCode).toBe(400);
    const ok = await call('PATCH', url, 'cm-1', { status: 'accepted', reason: 'Agreed with the client' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ carePlanId: plan.carePlanId, version: plan.version + 1, goal: { goalId: goal.goalId, lifecycleStatus: 'accepted', statusChangedBy: 'cm-1' } });
    const refused = await call('PATCH', url, 'cm-1', { status: 'completed' });
    expect(refused.statusCode).toBe(409);
    expect((await call('PATCH', `/care-plans/${plan.carePlanId}/goals/goal-unknown`, 'cm-1', { status: 'accepted' })).statusCode).toBe(404);

    const [changed] = await eventually(() => {
      const found = eventsFor(GoalStatusChanged, clientId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(changed).toMatchObject({ goalId: goal.goalId, from: 'proposed', to: 'accepted', changedBy: 'cm-1' });
    await eventually(() => expect(eventsFor(CarePlanUpdated, clientId).map((e) => e.change)).toEqual(['created', 'goal-status-changed']));
  });

  it("lists a manager's open tasks overdue first, to themselves or a supervisor", async () => {
    // Backdate one routine task: the only way to have an overdue task without waiting days.
    const stored = await records.findOne({ tenantId: TENANT, clientId }).lean();
    if (!stored) throw new Error('no record');
    const routine = stored.tasks.find((t) => t.ownerId === 'csm-b' && t.priority === 'routine');
    if (!routine) throw new Error('no routine task');
    const yesterday = addDays(calendarDate(new Date()), -1);
    await records.updateOne(
      { tenantId: TENANT, _id: stored._id },
      { $set: { tasks: stored.tasks.map((t) => (t.taskId === routine.taskId ? { ...t, dueDate: yesterday } : t)) } },
    );

    expect((await call('GET', '/worklist', undefined)).statusCode).toBe(401);
    expect((await call('GET', '/worklist?managerId=cm-1', 'csm-b')).statusCode).toBe(403);
    expect((await call('GET', '/worklist', 'supervisor')).statusCode).toBe(400);
    const own = await call('GET', '/worklist', 'csm-b');
    expect(own.statusCode).toBe(200);
    const items = own.json() as TaskBody[];
    expect(items[0]).toMatchObject({ taskId: routine.taskId, overdue: true, dueDate: yesterday });
    expect(items[1]).toMatchObject({ templateKey: 'food-emergency-same-day', priority: 'urgent', overdue: false });
    const later = items.slice(1).map((t) => t.dueDate);
    expect(later).toEqual([...later].sort());
    expect(items.every((t) => t.ownerId === 'csm-b')).toBe(true);

    const bySupervisor = await call('GET', '/worklist?managerId=csm-b', 'supervisor');
    expect((bySupervisor.json() as TaskBody[]).map((t) => t.taskId)).toEqual(items.map((t) => t.taskId));
  });

  it('lets the owner or a supervisor work a task, not someone else', async () => {
    const urgent = (await carePlan()).tasks.find((t) => t.templateKey === 'food-emergency-same-day');
    if (!urgent) throw new Error('no urgent task');
    const url = `/tasks/${urgent.taskId}`;
    expect((await call('PATCH', url, 'cm-1', { status: 'completed' })).statusCode).toBe(403);
    expect((await call('PATCH', url, 'csm-b', { status: 'done' })).statusCode).toBe(400);
    expect((await call('PATCH', url, 'csm-b', { status: 'in-progress' })).statusCode).toBe(200);
    const done = await call('PATCH', url, 'csm-b', { status: 'completed' });
    expect(done.statusCode).toBe(200);
    expect(done.json().task).toMatchObject({ taskId: urgent.taskId, status: 'completed' });
    expect((await call('PATCH', url, 'supervisor', { status: 'cancelled' })).statusCode).toBe(409);
    expect((await call('PATCH', '/tasks/task-unknown', 'supervisor', { status: 'cancelled' })).statusCode).toBe(404);
    await eventually(() => expect(eventsFor(CarePlanUpdated, clientId).filter((e) => e.change === 'task-updated')).toHaveLength(2));
  });

  it('reassigns a case with its open tasks and caseloads, for supervisors only', async () => {
    const before = await carePlan();
    const socialCase = before.cases.find((c) => c.role === 'case-manager');
    if (!socialCase) throw new Error('no case');
    const url = `/cases/${socialCase.caseId}/reassign`;
    const openFoodTasks = before.tasks.filter((t) => t.ownerId === 'csm-b' && ['open', 'in-progress'].includes(t.status));
    expect(openFoodTasks.length).toBeGreaterThan(0);
    const taskEventsBefore = eventsFor(TaskAssigned, clientId).length;

    expect((await call('POST', url, 'csm-b', { assigneeId: 'csm-a', reason: 'Leave cover' })).statusCode).toBe(403);
    const wrongRole = await call('POST', url, 'supervisor', { assigneeId: 'cm-1', reason: 'Leave cover' });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().fields).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
    expect((await call('POST', '/cases/case-unknown/reassign', 'supervisor', { assigneeId: 'csm-a', reason: 'x' })).statusCode).toBe(404);

    const res = await call('POST', url, 'supervisor', { assigneeId: 'csm-a', reason: 'Leave cover' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ caseId: socialCase.caseId, assigneeId: 'csm-a', reason: 'supervisor-reassignment', clientId });

    const reassigned = await eventually(() => {
      const found = eventsFor(CaseAssigned, clientId).filter((e) => e.reason === 'supervisor-reassignment');
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(reassigned).toMatchObject({ caseId: socialCase.caseId, assigneeId: 'csm-a', previousAssigneeId: 'csm-b', role: 'case-manager' });
    await eventually(() => {
      const moved = eventsFor(TaskAssigned, clientId).slice(taskEventsBefore);
      expect(moved.map((t) => t.taskId).sort()).toEqual(openFoodTasks.map((t) => t.taskId).sort());
      expect(moved.every((t) => t.ownerId === 'csm-a')).toBe(true);
    });
    expect(await caseloads()).toEqual({ 'cm-1': 1, 'csm-a': 2, 'csm-b': 0 });
    expect((await call('GET', '/worklist', 'csm-b')).json()).toEqual([]);
    const worklistA = (await call('GET', '/worklist', 'csm-a')).json() as TaskBody[];
    expect(worklistA.map((t) => t.taskId)).toEqual(expect.arrayContaining(openFoodTasks.map((t) => t.taskId)));

    // A retried request changes nothing more.
    expect((await call('POST', url, 'supervisor', { assigneeId: 'csm-a', reason: 'Leave cover' })).statusCode).toBe(200);
    expect(await caseloads()).toEqual({ 'cm-1': 1, 'csm-a': 2, 'csm-b': 0 });

    const mine = await call('GET', '/cases', 'csm-a');
    expect(mine.statusCode).toBe(200);
    expect((mine.json() as Array<{ clientId: string }>).map((c) => c.clientId).sort()).toEqual([clientId, warmUpClientId].sort());
    expect((await call('GET', '/cases?assigneeId=csm-b', 'csm-a')).statusCode).toBe(403);
    expect((await call('GET', '/cases?unassigned=true', 'csm-a')).statusCode).toBe(403);
    const bySupervisor = await call('GET', '/cases?assigneeId=csm-a', 'supervisor');
    expect((bySupervisor.json() as unknown[]).length).toBe(2);
    expect((await call('GET', '/cases', 'supervisor')).statusCode).toBe(400);

    // A manager holding cases keeps their role; deactivating them is fine (they keep their cases, get no new ones).
    expect((await call('PUT', '/managers/csm-a', 'supervisor', { role: 'care-manager', active: true })).statusCode).toBe(409);
    expect((await call('PUT', '/managers/csm-a', 'admin', { role: 'case-manager', active: false })).json()).toMatchObject({ active: false, openCaseCount: 2 });
    expect((await call('PUT', '/managers/csm-a', 'admin', { role: 'case-manager', active: true })).statusCode).toBe(200);
  });

  it('stores a case nobody can take as unassigned, visible to supervisors, without CaseAssigned; tenants stay apart', async () => {
    const orphanClient = `client-fake-orphan-${RUN}`;
    const entry = intake.create(
      NeedAssessed,
      needAssessed(orphanClient, [need({ domain: 'social', category: 'housing-instability', callsForCommunityResource: true })]),
      { context: { tenantId: OTHER_TENANT, correlationId: `orphan-${RUN}` } },
    );
    await produce(entry);
    await handled('plan-assessed-needs', entry.id, OTHER_TENANT);

    const unassigned = await call('GET', '/cases?unassigned=true', 'other-supervisor');
    expect(unassigned.statusCode).toBe(200);
    expect(unassigned.json()).toEqual([expect.objectContaining({ clientId: orphanClient, role: 'case-manager', reason: 'no-manager-available' })]);
    expect(unassigned.json()[0].assigneeId).toBeUndefined();
    expect((await call('GET', '/cases?unassigned=true', 'supervisor')).json()).toEqual([]);

    await eventually(() => expect(eventsFor(CarePlanUpdated, orphanClient)).toHaveLength(1));
    await relay.flush();
    await new Promise((r) => setTimeout(r, 1000));
    expect(eventsFor(CaseAssigned, orphanClient)).toEqual([]);
    expect(eventsFor(TaskAssigned, orphanClient)).toEqual([]);

    expect((await call('GET', `/clients/${clientId}/care-plan`, 'other-supervisor')).statusCode).toBe(404);
    expect((await call('GET', `/clients/${clientId}/care-plan`, 'organization')).statusCode).toBe(403);
    expect((await call('GET', `/clients/${clientId}/care-plan`, undefined)).statusCode).toBe(401);
  });

  it('closes the referral loop: an accepted referral updates its intervention', async () => {
    const [referral] = eventsFor(ReferralMade, clientId);
    const changed = resourceDirectory.create(
      ReferralStatusChanged,
      {
        referralId: referral.referralId,
        clientId,
        serviceId: 'service-fake-1',
        organizationId: 'org-fake-1',
        needCategory: 'food-insecurity',
        from: 'requested',
        status: 'accepted',
        changedBy: 'receiver',
        changedAt: new Date().toISOString(),
      },
      { context: { tenantId: TENANT, correlationId: `referral-${RUN}` } },
    );
    await produce(changed);
    await eventually(() => expect(eventsFor(CarePlanUpdated, clientId).some((e) => e.change === 'referral-updated')).toBe(true));
    const plan = await carePlan('cm-1');
    expect(plan.referrals.find((r) => r.referralId === referral.referralId)).toMatchObject({ status: 'accepted' });
    expect(plan.interventions.find((i) => i.referralId === referral.referralId)).toMatchObject({ referralStatus: 'accepted', status: 'in-progress' });
    expect(plan.history.map((h) => h.change)).toEqual(['created', 'goal-status-changed', 'task-updated', 'task-updated', 'care-team-changed', 'referral-updated']);
    expect(plan.history.map((h) => h.version)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

import { AssessedNeed, NeedAssessedV1, ReferralStatusChangedV1 } from '@careloop/contracts';
import { GoalNotFoundError, GoalTransitionError } from '../domain/care-plan';
import { ManagerAvailability } from '../domain/routing';
import { CareRecord, RecordChange } from './care-record';
import {
  CaseNotFoundError,
  InvalidAssigneeError,
  NotTaskOwnerError,
  ReferralNotFoundError,
  TaskTransitionError,
  applyReferralStatus,
  changeGoal,
  changeTaskStatus,
  planNeedAssessed,
  reassignCase,
} from './care-record-changes';

const TENANT = 'tenant-unit';
const CLIENT = 'client-fake-1';
const NOW = new Date('2026-12-01T15:00:00.000Z');
const TODAY = '2026-12-01';

const depression: AssessedNeed = {
  needId: 'need-dep',
  domain: 'clinical',
  category: 'depression',
  severity: 'moderate',
  urgent: false,
  code: { system: 'http://snomed.info/sct', code: '35489007' },
  callsForCommunityResource: false,
};
const food: AssessedNeed = {
  needId: 'need-food',
  domain: 'social',
  category: 'food-insecurity',
  severity: 'moderate',
  urgent: true,
  code: { system: 'http://loinc.org', code: '88124-3' },
  callsForCommunityResource: true,
};

function assessed(needs: AssessedNeed[]): NeedAssessedV1 {
  return {
    assessmentId: 'assessment-1',
    clientId: CLIENT,
    instrument: 'AHC-HRSN',
    instrumentLoinc: '96777-8',
    completedAt: NOW.toISOString(),
    result: { positive: true },
    needs,
    context: { preferredLanguage: 'es', ageBand: '45-64', area: { postalCode: '00000', latitude: 42.34, longitude: -71.07 } },
  };
}

const roster: ManagerAvailability[] = [
  { managerId: 'cm-1', role: 'care-manager', openCaseCount: 0, active: true },
  { managerId: 'csm-a', role: 'case-manager', openCaseCount: 1, active: true },
  { managerId: 'csm-b', role: 'case-manager', openCaseCount: 0, active: true },
];

function plan(
  needs: AssessedNeed[],
  record?: CareRecord,
  managers: ManagerAvailability[] = roster,
  eventId = 'event-1',
  consentToShare = true,
): RecordChange | undefined {
  return planNeedAssessed({ eventId, tenantId: TENANT, data: assessed(needs), record, managers, consentToShare, now: NOW, timeZone: 'UTC' });
}

function planned(needs: AssessedNeed[], record?: CareRecord, managers?: ManagerAvailability[], eventId?: string): RecordChange {
  const change = plan(needs, record, managers, eventId);
  if (!change) throw new Error('expected a change');
  return change;
}

describe('planNeedAssessed', () => {
  it('opens one case per role with the least loaded manager, and plans tasks, referral and events', () => {
    const { record, change, emissions } = planned([depression, food]);
    expect(change).toBe('created');
    expect(record.version).toBe(1);
    expect(record.cases.map((c) => [c.role, c.assigneeId, c.reason, c.needIds])).toEqual([
      ['care-manager', 'cm-1', 'caseload-balance', ['need-dep']],
      ['case-manager', 'csm-b', 'caseload-balance', ['need-food']],
    ]);
    expect(emissions.caseAssigned.map((e) => [e.role, e.assigneeId, e.urgent])).toEqual([
      ['care-manager', 'cm-1', false],
      ['case-manager', 'csm-b', true],
    ]);
    const urgent = emissions.taskAssigned.find((t) => t.priority === 'urgent');
    expect(urgent).toMatchObject({ ownerId: 'csm-b', templateKey: 'food-emergency-same-day', dueDate: TODAY });
    expect(emissions.taskAssigned.every((t) => t.ownerId === (t.ownerRole === 'care-manager' ? 'cm-1' : 'csm-b'))).toBe(true);
    expect(emissions.referralMade).toHaveLength(1);
    expect(emissions.referralMade[0]).toMatchObject({ needId: 'need-food', needCategory: 'food-insecurity', urgency: 'urgent', consentToShare: true, requestedBy: 'csm-b' });
    const referral = record.referrals[0];
    const intervention = record.interventions.find((i) => i.interventionId === referral.interventionId);
    expect(intervention).toMatchObject({ kind: 'referral', referralId: referral.referralId, referralStatus: 'requested', status: 'scheduled' });
    expect(emissions.carePlanUpdated).toMatchObject({ version: 1, change: 'created', problemCount: 2 });
  });

  it('changes nothing when the same event is applied again', () => {
    const first = planned([depression, food]);
    expect(plan([depression, food], first.record)).toBeUndefined();
  });

  it('derives the same ids from the same event', () => {
    const a = planned([depression, food]);
    const b = planned([depression, food]);
    expect(b.record).toEqual(a.record);
  });

  it('keeps the client with its case holder for new needs of the same role', () => {
    const first = planned([food]);
    const busier = roster.map((m) => (m.managerId === 'csm-b' ? { ...m, openCaseCount: 30 } : m));
    const housing: AssessedNeed = { ...food, needId: 'need-housing', category: 'housing-instability', urgent: false };
    const { record, emissions } = planned([housing], first.record, busier, 'event-2');
    expect(record.cases).toHaveLength(1);
    expect(record.cases[0]).toMatchObject({ assigneeId: 'csm-b', reason: 'existing-assignment', needIds: ['need-food', 'need-housing'] });
    expect(emissions.caseAssigned).toEqual([expect.objectContaining({ needIds: ['need-housing'], reason: 'existing-assignment' })]);
    expect(record.version).toBe(2);
  });

  it('stores a case without a manager as unassigned, emits no CaseAssigned, and assigns it when one is available', () => {
    const careOnly = roster.filter((m) => m.role === 'care-manager');
    const first = planned([depression, food], undefined, careOnly);
    const waiting = first.record.cases.find((c) => c.role === 'case-manager');
    expect(waiting).toMatchObject({ assigned: false, reason: 'no-manager-available' });
    expect(waiting?.assigneeId).toBeUndefined();
    expect(first.emissions.caseAssigned.map((e) => e.role)).toEqual(['care-manager']);
    expect(first.emissions.taskAssigned.some((t) => t.ownerRole === 'case-manager')).toBe(false);
    expect(first.record.tasks.filter((t) => t.ownerRole === 'case-manager').every((t) => t.ownerId === undefined)).toBe(true);
    expect(first.emissions.referralMade[0].requestedBy).toBe('care-planning');

    // Redelivered while still nobody is available: nothing to write.
    expect(plan([depression, food], first.record, careOnly)).toBeUndefined();

    const later = planned([depression, food], first.record, roster);
    expect(later.record.cases.find((c) => c.role === 'case-manager')).toMatchObject({ assigneeId: 'csm-b', assigned: true });
    expect(later.emissions.caseAssigned).toEqual([expect.objectContaining({ role: 'case-manager', needIds: ['need-food'] })]);
    expect(later.emissions.taskAssigned.length).toBe(first.record.tasks.filter((t) => t.ownerRole === 'case-manager').length);
    expect(later.emissions.referralMade).toEqual([]);
  });

  it('rebalances the case of an inactive manager and moves its open tasks', () => {
    const first = planned([food]);
    const csmBGone = roster.map((m) => (m.managerId === 'csm-b' ? { ...m, active: false } : m));
    const housing: AssessedNeed = { ...food, needId: 'need-housing', category: 'housing-instability', urgent: false };
    const { record, emissions } = planned([housing], first.record, csmBGone, 'event-2');
    expect(record.cases[0]).toMatchObject({ assigneeId: 'csm-a', reason: 'caseload-balance' });
    expect(emissions.caseAssigned[0]).toMatchObject({ previousAssigneeId: 'csm-b', needIds: ['need-food', 'need-housing'] });
    expect(record.tasks.filter((t) => t.status === 'open').every((t) => t.ownerId === 'csm-a')).toBe(true);
    expect(record.careTeam.filter((m) => !m.until).map((m) => m.managerId)).toEqual(['csm-a']);
  });

  it('plans nothing for a negative screen', () => {
    expect(plan([])).toBeUndefined();
  });

  it('says whether the client consented to share', () => {
    expect(plan([food], undefined, roster, 'event-1', false)?.emissions.referralMade[0].consentToShare).toBe(false);
  });
});

describe('reassignCase', () => {
  const start = (): CareRecord => planned([depression, food]).record;
  const caseOf = (r: CareRecord, role: string) => r.cases.find((c) => c.role === role)?.caseId as string;
  const csmA = roster[1];

  it('hands the case, its open tasks and the care team to the new manager', () => {
    const record = start();
    const change = reassignCase(record, caseOf(record, 'case-manager'), csmA, NOW);
    expect(change?.record.cases.find((c) => c.role === 'case-manager')).toMatchObject({ assigneeId: 'csm-a', reason: 'supervisor-reassignment' });
    expect(change?.emissions.caseAssigned[0]).toMatchObject({ previousAssigneeId: 'csm-b', reason: 'supervisor-reassignment' });
    const moved = change?.record.tasks.filter((t) => t.ownerRole === 'case-manager') ?? [];
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((t) => t.ownerId === 'csm-a')).toBe(true);
    expect(change?.emissions.taskAssigned).toHaveLength(moved.length);
    expect(change?.record.tasks.filter((t) => t.ownerRole === 'care-manager').every((t) => t.ownerId === 'cm-1')).toBe(true);
    expect(change?.record.version).toBe(2);
  });

  it('is a no-op for the current holder and refuses unknown cases and unfit managers', () => {
    const record = start();
    const caseId = caseOf(record, 'case-manager');
    expect(reassignCase(record, caseId, roster[2], NOW)).toBeUndefined();
    expect(() => reassignCase(record, 'nope', csmA, NOW)).toThrow(CaseNotFoundError);
    expect(() => reassignCase(record, caseId, roster[0], NOW)).toThrow(InvalidAssigneeError);
    expect(() => reassignCase(record, caseId, { ...csmA, active: false }, NOW)).toThrow(InvalidAssigneeError);
    expect(() => reassignCase(record, caseId, undefined, NOW)).toThrow(InvalidAssigneeError);
  });
});

describe('tasks and goals', () => {
  const record = planned([depression, food]).record;
  const task = record.tasks.find((t) => t.ownerId === 'csm-b');
  if (!task) throw new Error('fixture');

  it('lets the owner or a supervisor change a task along its lifecycle', () => {
    const started = changeTaskStatus(record, task.taskId, 'in-progress', { id: 'csm-b', mayActForOthers: false }, NOW);
    expect(started?.record.tasks.find((t) => t.taskId === task.taskId)?.status).toBe('in-progress');
    expect(started?.emissions.carePlanUpdated).toMatchObject({ change: 'task-updated', version: 2 });
    expect(() => changeTaskStatus(record, task.taskId, 'completed', { id: 'cm-1', mayActForOthers: false }, NOW)).toThrow(NotTaskOwnerError);
    const done = changeTaskStatus(record, task.taskId, 'completed', { id: 'boss', mayActForOthers: true }, NOW);
    if (!done) throw new Error('expected a change');
    expect(() => changeTaskStatus(done.record, task.taskId, 'in-progress', { id: 'boss', mayActForOthers: true }, NOW)).toThrow(TaskTransitionError);
    expect(changeTaskStatus(done.record, task.taskId, 'completed', { id: 'boss', mayActForOthers: true }, NOW)).toBeUndefined();
  });

  it('moves goals by the FHIR lifecycle only', () => {
    const goal = record.goals[0];
    const accepted = changeGoal(record, goal.goalId, 'accepted', undefined, 'cm-1', NOW);
    expect(accepted.emissions.goalStatusChanged).toMatchObject({ from: 'proposed', to: 'accepted', changedBy: 'cm-1' });
    expect(accepted.record.version).toBe(2);
    expect(() => changeGoal(accepted.record, goal.goalId, 'completed', undefined, 'cm-1', NOW)).toThrow(GoalTransitionError);
    expect(() => changeGoal(record, 'nope', 'accepted', undefined, 'cm-1', NOW)).toThrow(GoalNotFoundError);
  });
});

describe('applyReferralStatus', () => {
  const record = planned([food]).record;
  const referral = record.referrals[0];
  const status = (s: ReferralStatusChangedV1['status'], changedAt: string, extra: Partial<ReferralStatusChangedV1> = {}): ReferralStatusChangedV1 => ({
    referralId: referral.referralId,
    clientId: CLIENT,
    needCategory: 'food-insecurity',
    status: s,
    changedBy: 'receiver',
    changedAt,
    ...extra,
  });

  it('lands the status and outcome on the referral and its intervention', () => {
    const accepted = applyReferralStatus(record, status('accepted', '2026-12-01T16:00:00.000Z', { from: 'requested' }), NOW);
    if (!accepted) throw new Error('expected a change');
    expect(accepted.record.referrals[0]).toMatchObject({ status: 'accepted' });
    expect(accepted.record.interventions.find((i) => i.interventionId === referral.interventionId)).toMatchObject({
      referralStatus: 'accepted',
      status: 'in-progress',
    });
    expect(accepted.emissions.carePlanUpdated?.change).toBe('referral-updated');

    const completed = applyReferralStatus(accepted.record, status('completed', '2026-12-02T10:00:00.000Z', { outcome: 'got-help' }), NOW);
    expect(completed?.record.interventions.find((i) => i.interventionId === referral.interventionId)).toMatchObject({
      status: 'completed',
      referralOutcome: 'got-help',
    });
    // Repeated, or older than what is known: nothing changes.
    expect(applyReferralStatus(accepted.record, status('accepted', '2026-12-01T16:00:00.000Z'), NOW)).toBeUndefined();
    expect(applyReferralStatus(completed?.record as CareRecord, status('accepted', '2026-12-01T16:00:00.000Z'), NOW)).toBeUndefined();
  });

  it('refuses a referral this plan never made', () => {
    expect(() => applyReferralStatus(record, { ...status('accepted', NOW.toISOString()), referralId: 'other' }, NOW)).toThrow(ReferralNotFoundError);
  });
});

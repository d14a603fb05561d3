/// <reference types="jest" />
import { AssessedNeed, GOAL_LIFECYCLE_STATUSES, GoalLifecycleStatus, GoalStatusChangedV1, NeedCategory } from '@careloop/contracts';
import {
  CarePlan,
  CarePlanTask,
  GOAL_TRANSITIONS,
  GoalNotFoundError,
  GoalTransitionError,
  CarePlanMismatchError,
  applyNeeds,
  assignUnownedTasks,
  canTransitionGoal,
  carePlanCounts,
  changeGoalStatus,
  recordGoalAchievement,
  worklist,
} from './care-plan';
import { addDays, calendarDate } from './calendar-date';

const CLIENT = 'client-test-1';
const NOW = new Date('2025-03-10T15:00:00.000Z');
const ASSIGNED = { 'care-manager': 'mgr-care-1', 'case-manager': 'mgr-case-1' } as const;

function sequence(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

function need(category: NeedCategory, overrides: Partial<AssessedNeed> = {}): AssessedNeed {
  const clinical = ['depression', 'anxiety', 'self-harm-risk', 'mental-health'].includes(category);
  return {
    needId: `need-${category}`,
    domain: clinical ? 'clinical' : 'social',
    category,
    severity: 'moderate',
    urgent: false,
    code: { system: 'http://example.test/codes', code: `fake-${category}` },
    callsForCommunityResource: !clinical,
    ...overrides,
  };
}

function planWith(...needs: AssessedNeed[]): CarePlan {
  return applyNeeds(undefined, { clientId: CLIENT, needs }, ASSIGNED, NOW, sequence()).plan as CarePlan;
}

describe('calendar dates', () => {
  it('takes "today" in the given time zone', () => {
    const lateEvening = new Date('2025-03-11T01:30:00.000Z');
    expect(calendarDate(lateEvening)).toBe('2025-03-11');
    expect(calendarDate(lateEvening, 'America/New_York')).toBe('2025-03-10');
  });

  it('adds days across month ends', () => {
    expect(addDays('2025-02-27', 3)).toBe('2025-03-02');
    expect(addDays('2025-03-10', 0)).toBe('2025-03-10');
    expect(() => addDays('10/03/2025', 1)).toThrow(RangeError);
  });
});

describe('applyNeeds', () => {
  it('creates a plan at version 1 with problems, proposed goals, interventions, owned tasks and a care team', () => {
    const { plan, changes } = applyNeeds(
      undefined,
      { clientId: CLIENT, needs: [need('depression'), need('food-insecurity')] },
      ASSIGNED,
      NOW,
      sequence(),
    );
    expect(plan).toBeDefined();
    if (!plan) return;
    expect(plan.carePlanId).toBe('id-1');
    expect(plan.version).toBe(1);
    expect(changes.kind).toBe('created');
    expect(plan.problems.map((p) => p.category)).toEqual(['depression', 'food-insecurity']);
    expect(plan.problems[0]).toMatchObject({ code: { code: 'F32.A' }, needIds: ['need-depression'] });
    expect(plan.goals.every((g) => g.lifecycleStatus === 'proposed')).toBe(true);
    expect(plan.goals.find((g) => g.templateKey === 'depression-remission')?.targetMeasure).toBe('PHQ-9 < 5 within 12 weeks');
    const depressionTasks = plan.tasks.filter((t) => t.problemId === plan.problems[0].problemId);
    expect(depressionTasks.every((t) => t.ownerId === 'mgr-care-1' && t.ownerRole === 'care-manager')).toBe(true);
    const foodTasks = plan.tasks.filter((t) => t.problemId === plan.problems[1].problemId);
    expect(foodTasks.every((t) => t.ownerId === 'mgr-case-1' && t.carePlanId === 'id-1' && t.clientId === CLIENT)).toBe(true);
    expect(plan.tasks.find((t) => t.templateKey === 'food-benefits-screen')?.dueDate).toBe('2025-03-17');
    expect(plan.careTeam.map((m) => [m.role, m.managerId])).toEqual([
      ['care-manager', 'mgr-care-1'],
      ['case-manager', 'mgr-case-1'],
    ]);
    expect(changes.newProblems).toHaveLength(2);
    expect(changes.newGoals).toHaveLength(plan.goals.length);
    expect(changes.newTasks).toHaveLength(plan.tasks.length);
    expect(changes.referralsToMake).toEqual([{ needId: 'need-food-insecurity', needCategory: 'food-insecurity', urgency: 'routine' }]);
    expect(carePlanCounts(plan)).toEqual({ problemCount: 2, goalCount: plan.goals.length, openTaskCount: plan.tasks.length });
  });

  it('adds a referral intervention only when the need calls for a community resource', () => {
    const plan = planWith(need('depression'), need('legal', { callsForCommunityResource: false }));
    const referralKeys = plan.interventions.filter((i) => i.communityResourceReferral).map((i) => i.templateKey);
    expect(referralKeys).toEqual([]);
    const withReferral = planWith(need('legal'));
    expect(withReferral.interventions.filter((i) => i.communityResourceReferral).map((i) => i.templateKey)).toEqual([
      'legal-aid-referral',
    ]);
  });

  it('adds an urgent task due the same day for an urgent need, and an urgent referral', () => {
    const { plan, changes } = applyNeeds(
      undefined,
      { clientId: CLIENT, needs: [need('interpersonal-safety', { urgent: true, urgentReason: 'ahc-violence-reported' })] },
      ASSIGNED,
      NOW,
      sequence(),
    );
    const urgent = plan?.tasks.find((t) => t.priority === 'urgent');
    expect(urgent).toMatchObject({ templateKey: 'safety-plan-same-day', dueDate: '2025-03-10', ownerId: 'mgr-case-1' });
    expect(changes.referralsToMake).toEqual([
      { needId: 'need-interpersonal-safety', needCategory: 'interpersonal-safety', urgency: 'urgent' },
    ]);
  });

  it('dates the same-day task in the care team time zone', () => {
    const evening = new Date('2025-03-11T01:30:00.000Z');
    const { plan } = applyNeeds(
      undefined,
      { clientId: CLIENT, needs: [need('self-harm-risk', { urgent: true })] },
      ASSIGNED,
      evening,
      sequence(),
      { timeZone: 'America/New_York' },
    );
    expect(plan?.tasks.find((t) => t.templateKey === 'phq9-urgent-safety-check')?.dueDate).toBe('2025-03-10');
  });

  it('is idempotent: the same needs again change nothing and keep the version', () => {
    const input = { clientId: CLIENT, needs: [need('depression'), need('housing-instability', { urgent: true })] };
    const first = applyNeeds(undefined, input, ASSIGNED, NOW, sequence());
    const plan = first.plan as CarePlan;
    const ids = jest.fn(sequence('again'));
    const second = applyNeeds(plan, input, ASSIGNED, new Date('2025-03-11T09:00:00.000Z'), ids);
    expect(second.plan).toBe(plan);
    expect(second.plan.version).toBe(1);
    expect(second.changes.kind).toBeUndefined();
    expect(second.changes).toMatchObject({ newProblems: [], newGoals: [], newTasks: [], referralsToMake: [] });
    expect(ids).not.toHaveBeenCalled();
  });

  it('ignores a need repeated inside one assessment', () => {
    const plan = planWith(need('transportation'), need('transportation'));
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0].needIds).toEqual(['need-transportation']);
  });

  it('adds only the new need to an existing plan and bumps the version once', () => {
    const plan = planWith(need('depression'));
    const { plan: next, changes } = applyNeeds(
      plan,
      { clientId: CLIENT, needs: [need('depression'), need('utilities')] },
      ASSIGNED,
      NOW,
      sequence('b'),
    );
    expect(next.version).toBe(2);
    expect(changes.kind).toBe('needs-added');
    expect(changes.newProblems.map((p) => p.category)).toEqual(['utilities']);
    expect(next.problems).toHaveLength(2);
    expect(plan.problems).toHaveLength(1);
  });

  it('folds a reassessed need of a known category into its problem: no duplicate goals, only the urgent task', () => {
    const plan = planWith(need('depression'));
    const reassessed = need('depression', { needId: 'need-depression-2', severity: 'severe', urgent: true });
    const { plan: next, changes } = applyNeeds(plan, { clientId: CLIENT, needs: [reassessed] }, ASSIGNED, NOW, sequence('c'));
    expect(next.problems).toHaveLength(1);
    expect(next.problems[0]).toMatchObject({ needIds: ['need-depression', 'need-depression-2'], severity: 'severe', urgent: true });
    expect(changes.newProblems).toEqual([]);
    expect(changes.updatedProblems.map((p) => p.problemId)).toEqual([plan.problems[0].problemId]);
    expect(changes.newGoals).toEqual([]);
    expect(changes.newTasks.map((t) => [t.templateKey, t.priority, t.dueDate])).toEqual([
      ['depression-urgent-outreach', 'urgent', '2025-03-10'],
    ]);
    expect(next.version).toBe(2);
  });

  it('does not open a second urgent task while the first is still open', () => {
    const plan = planWith(need('self-harm-risk', { urgent: true }));
    const again = need('self-harm-risk', { needId: 'need-self-harm-2', urgent: true });
    const { changes } = applyNeeds(plan, { clientId: CLIENT, needs: [again] }, ASSIGNED, NOW, sequence('d'));
    expect(changes.newTasks).toEqual([]);
  });

  it('leaves tasks unowned when no manager of their role was available, then assigns them later', () => {
    const { plan } = applyNeeds(undefined, { clientId: CLIENT, needs: [need('legal')] }, {}, NOW, sequence());
    const created = plan as CarePlan;
    expect(created.tasks.every((t) => t.ownerId === undefined)).toBe(true);
    expect(created.careTeam).toEqual([]);
    const later = new Date('2025-03-12T10:00:00.000Z');
    const { plan: assigned, assignedTasks } = assignUnownedTasks(created, { 'case-manager': 'mgr-case-2' }, later);
    expect(assignedTasks.map((t) => t.ownerId)).toEqual(created.tasks.map(() => 'mgr-case-2'));
    expect(assigned.version).toBe(2);
    expect(assignUnownedTasks(assigned, { 'case-manager': 'mgr-case-3' }, later).assignedTasks).toEqual([]);
  });

  it('records a hand-over in the care team and bumps the version', () => {
    const plan = planWith(need('legal'));
    const { plan: next, changes } = applyNeeds(plan, { clientId: CLIENT, needs: [] }, { 'case-manager': 'mgr-case-2' }, NOW, sequence('e'));
    expect(changes.kind).toBe('care-team-changed');
    expect(next.version).toBe(2);
    expect(next.careTeam.filter((m) => m.role === 'case-manager')).toEqual([
      { managerId: 'mgr-case-1', role: 'case-manager', since: NOW.toISOString(), until: NOW.toISOString() },
      { managerId: 'mgr-case-2', role: 'case-manager', since: NOW.toISOString() },
    ]);
  });

  it('creates no plan for an assessment without needs', () => {
    const { plan, changes } = applyNeeds(undefined, { clientId: CLIENT, needs: [] }, ASSIGNED, NOW, sequence());
    expect(plan).toBeUndefined();
    expect(changes.kind).toBeUndefined();
  });

  it("refuses another client's plan", () => {
    const plan = planWith(need('legal'));
    expect(() => applyNeeds(plan, { clientId: 'client-test-2', needs: [] }, ASSIGNED, NOW, sequence())).toThrow(
      CarePlanMismatchError,
    );
  });

  it('does not mutate the plan it was given', () => {
    const plan = planWith(need('depression'));
    const snapshot = JSON.stringify(plan);
    applyNeeds(plan, { clientId: CLIENT, needs: [need('legal')] }, ASSIGNED, NOW, sequence('f'));
    expect(JSON.stringify(plan)).toBe(snapshot);
  });
});

describe('changeGoalStatus', () => {
  const actor = 'mgr-care-1';
  const later = new Date('2025-04-01T12:00:00.000Z');

  function planWithGoalAt(status: GoalLifecycleStatus): { plan: CarePlan; goalId: string } {
    const plan = planWith(need('depression'));
    const goalId = plan.goals[0].goalId;
    const goals = plan.goals.map((g) => (g.goalId === goalId ? { ...g, lifecycleStatus: status } : g));
    return { plan: { ...plan, goals }, goalId };
  }

  const allowed: [GoalLifecycleStatus, GoalLifecycleStatus][] = [
    ['proposed', 'planned'],
    ['proposed', 'accepted'],
    ['proposed', 'rejected'],
    ['proposed', 'cancelled'],
    ['planned', 'accepted'],
    ['planned', 'active'],
    ['planned', 'cancelled'],
    ['planned', 'on-hold'],
    ['accepted', 'active'],
    ['accepted', 'on-hold'],
    ['accepted', 'cancelled'],
    ['active', 'on-hold'],
    ['active', 'completed'],
    ['active', 'cancelled'],
    ['on-hold', 'active'],
    ['on-hold', 'cancelled'],
    ['completed', 'entered-in-error'],
    ['active', 'entered-in-error'],
    ['rejected', 'entered-in-error'],
  ];

  it.each(allowed)('allows %s -> %s, bumping the version and returning the event', (from, to) => {
    const { plan, goalId } = planWithGoalAt(from);
    const result = changeGoalStatus(plan, goalId, to, undefined, actor, later);
    expect(result.goal.lifecycleStatus).toBe(to);
    expect(result.plan.version).toBe(plan.version + 1);
    expect(result.event).toMatchObject<Partial<GoalStatusChangedV1>>({
      carePlanId: plan.carePlanId,
      clientId: CLIENT,
      goalId,
      from,
      to,
      changedBy: actor,
      changedAt: later.toISOString(),
    });
    expect(plan.goals.find((g) => g.goalId === goalId)?.lifecycleStatus).toBe(from);
  });

  const refused: [GoalLifecycleStatus, GoalLifecycleStatus][] = [
    ['proposed', 'active'],
    ['proposed', 'completed'],
    ['accepted', 'proposed'],
    ['active', 'proposed'],
    ['active', 'active'],
    ['on-hold', 'completed'],
    ['completed', 'active'],
    ['cancelled', 'active'],
    ['rejected', 'accepted'],
    ['entered-in-error', 'active'],
    ['entered-in-error', 'entered-in-error'],
  ];

  it.each(refused)('refuses %s -> %s with GoalTransitionError', (from, to) => {
    const { plan, goalId } = planWithGoalAt(from);
    let caught: unknown;
    try {
      changeGoalStatus(plan, goalId, to, undefined, actor, later);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GoalTransitionError);
    expect(caught).toMatchObject({ goalId, from, to });
  });

  it('matches the table for every pair of statuses, with terminal statuses only leading to entered-in-error', () => {
    const terminal: GoalLifecycleStatus[] = ['completed', 'cancelled', 'rejected', 'entered-in-error'];
    for (const from of GOAL_LIFECYCLE_STATUSES) {
      for (const to of GOAL_LIFECYCLE_STATUSES) {
        const expected =
          from === to
            ? false
            : to === 'entered-in-error'
              ? true
              : terminal.includes(from)
                ? false
                : GOAL_TRANSITIONS[from].includes(to);
        expect([from, to, canTransitionGoal(from, to)]).toEqual([from, to, expected]);
      }
    }
  });

  it('sets achievement to in-progress when a goal becomes active, and keeps an explicit one', () => {
    const { plan, goalId } = planWithGoalAt('accepted');
    expect(changeGoalStatus(plan, goalId, 'active', undefined, actor, later).goal.achievementStatus).toBe('in-progress');
    const done = changeGoalStatus(planWithGoalAt('active').plan, goalId, 'completed', 'achieved', actor, later);
    expect(done.goal.achievementStatus).toBe('achieved');
    expect(done.event.achievementStatus).toBe('achieved');
  });

  it('answers GoalNotFoundError for a goal outside the plan', () => {
    const { plan } = planWithGoalAt('active');
    expect(() => changeGoalStatus(plan, 'goal-unknown', 'completed', undefined, actor, later)).toThrow(GoalNotFoundError);
  });

  it('records progress on an active goal without moving it, and refuses it on a proposed one', () => {
    const { plan, goalId } = planWithGoalAt('active');
    const result = recordGoalAchievement(plan, goalId, 'improving', actor, later);
    expect(result.goal).toMatchObject({ lifecycleStatus: 'active', achievementStatus: 'improving' });
    expect(result.plan.version).toBe(plan.version + 1);
    const proposed = planWithGoalAt('proposed');
    expect(() => recordGoalAchievement(proposed.plan, proposed.goalId, 'improving', actor, later)).toThrow(GoalTransitionError);
  });
});

describe('worklist', () => {
  const now = new Date('2025-03-10T12:00:00.000Z');
  function task(taskId: string, dueDate: string, priority: 'routine' | 'urgent', over: Partial<CarePlanTask> = {}): CarePlanTask {
    return {
      taskId,
      carePlanId: 'plan-1',
      clientId: CLIENT,
      problemId: 'problem-1',
      needId: 'need-1',
      templateKey: 'fake-task',
      title: 'Fake task',
      ownerRole: 'case-manager',
      ownerId: 'mgr-1',
      priority,
      status: 'open',
      dueDate,
      createdAt: '2025-03-01T00:00:00.000Z',
      ...over,
    };
  }

  it('lists the open tasks of that owner: overdue first, then urgent, then by due date', () => {
    const tasks = [
      task('t-routine-later', '2025-03-20', 'routine'),
      task('t-urgent-today', '2025-03-10', 'urgent'),
      task('t-routine-overdue', '2025-03-05', 'routine'),
      task('t-routine-soon', '2025-03-12', 'routine'),
      task('t-urgent-overdue', '2025-03-08', 'urgent'),
      task('t-routine-overdue-older', '2025-03-01', 'routine', { status: 'in-progress' }),
      task('t-urgent-later', '2025-03-15', 'urgent'),
      task('t-done', '2025-03-01', 'urgent', { status: 'completed' }),
      task('t-cancelled', '2025-03-01', 'urgent', { status: 'cancelled' }),
      task('t-other-owner', '2025-03-01', 'urgent', { ownerId: 'mgr-2' }),
      task('t-unowned', '2025-03-01', 'urgent', { ownerId: undefined }),
    ];
    const list = worklist(tasks, 'mgr-1', now);
    expect(list.map((t) => t.taskId)).toEqual([
      't-urgent-overdue',
      't-routine-overdue-older',
      't-routine-overdue',
      't-urgent-today',
      't-urgent-later',
      't-routine-soon',
      't-routine-later',
    ]);
    expect(list.filter((t) => t.overdue).map((t) => t.taskId)).toEqual([
      't-urgent-overdue',
      't-routine-overdue-older',
      't-routine-overdue',
    ]);
  });

  it('judges overdue in the care team time zone', () => {
    const evening = new Date('2025-03-11T01:30:00.000Z');
    const tasks = [task('t-due-10th', '2025-03-10', 'routine')];
    expect(worklist(tasks, 'mgr-1', evening)[0].overdue).toBe(true);
    expect(worklist(tasks, 'mgr-1', evening, 'America/New_York')[0].overdue).toBe(false);
  });
});

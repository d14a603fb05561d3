import {
  AssessedNeed,
  CodeableConcept,
  GoalAchievementStatus,
  GoalLifecycleStatus,
  GoalStatusChangedV1,
  ManagerRole,
  NeedCategory,
  NeedSeverity,
  Urgency,
} from '@careloop/contracts';
import { addDays, calendarDate } from './calendar-date';
import { InterventionKind, templateFor, tasksForNeed } from './care-plan-templates';

export const TASK_STATUSES = ['open', 'in-progress', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
const OPEN_TASK_STATUSES: ReadonlySet<TaskStatus> = new Set<TaskStatus>(['open', 'in-progress']);

/** FHIR CarePlan.activity.detail.status, the subset a template-born intervention goes through. */
export type InterventionStatus = 'not-started' | 'scheduled' | 'in-progress' | 'completed' | 'cancelled';

export interface CarePlanProblem {
  readonly problemId: string;
  readonly category: NeedCategory;
  readonly display: string;
  readonly code: CodeableConcept;
  /** Every assessed need folded into this problem (a reassessment adds to it instead of duplicating the problem). */
  readonly needIds: readonly string[];
  /** The codes intake assigned to those needs, kept beside the template's problem code. */
  readonly assessedCodes: readonly CodeableConcept[];
  /** From the latest need: a reassessment describes the current state. */
  readonly severity: NeedSeverity;
  readonly urgent: boolean;
  readonly addedAt: string;
  readonly updatedAt: string;
}

export interface CarePlanGoal {
  readonly goalId: string;
  readonly problemId: string;
  readonly templateKey: string;
  readonly description: string;
  readonly targetMeasure: string;
  readonly lifecycleStatus: GoalLifecycleStatus;
  readonly achievementStatus?: GoalAchievementStatus;
  readonly statusDate: string;
  readonly statusChangedBy?: string;
}

export interface CarePlanIntervention {
  readonly interventionId: string;
  readonly problemId: string;
  readonly templateKey: string;
  readonly kind: InterventionKind;
  readonly description: string;
  readonly communityResourceReferral: boolean;
  readonly status: InterventionStatus;
}

export interface CarePlanTask {
  readonly taskId: string;
  /** Plan and client ids ride on the task so a worklist can be built across many plans. */
  readonly carePlanId: string;
  readonly clientId: string;
  readonly problemId: string;
  readonly needId: string;
  readonly templateKey: string;
  readonly title: string;
  readonly ownerRole: ManagerRole;
  /** Absent while no manager of that role is available; the task still exists so it is not forgotten. */
  readonly ownerId?: string;
  readonly priority: Urgency;
  readonly status: TaskStatus;
  /** Calendar date, `YYYY-MM-DD`. */
  readonly dueDate: string;
  readonly createdAt: string;
}

export interface CareTeamMember {
  readonly managerId: string;
  readonly role: ManagerRole;
  readonly since: string;
  /** Set when another manager of the same role took over. */
  readonly until?: string;
}

export interface CarePlan {
  readonly carePlanId: string;
  readonly clientId: string;
  readonly status: 'active';
  /** Starts at 1, +1 on every change: the optimistic-concurrency token and CarePlanUpdated.version. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly problems: readonly CarePlanProblem[];
  readonly goals: readonly CarePlanGoal[];
  readonly interventions: readonly CarePlanIntervention[];
  readonly tasks: readonly CarePlanTask[];
  readonly careTeam: readonly CareTeamMember[];
}

/** The part of a NeedAssessed payload the plan needs: pass `event.data` as is. */
export interface NeedsInput {
  readonly clientId: string;
  readonly needs: readonly AssessedNeed[];
}

/** Manager chosen per role (see `assignmentsFrom` in routing). A missing role leaves its tasks unowned. */
export type RoleAssignments = Partial<Record<ManagerRole, string>>;

export interface ReferralToMake {
  readonly needId: string;
  readonly needCategory: NeedCategory;
  readonly urgency: Urgency;
}

export interface CarePlanChanges {
  /** What CarePlanUpdated.change should say; absent when nothing changed (no event, no write). */
  readonly kind?: 'created' | 'needs-added' | 'care-team-changed';
  readonly newProblems: readonly CarePlanProblem[];
  /** Existing problems a new need of the same category was folded into. */
  readonly updatedProblems: readonly CarePlanProblem[];
  readonly newGoals: readonly CarePlanGoal[];
  readonly newInterventions: readonly CarePlanIntervention[];
  /** Emit a TaskAssigned for each task with an ownerId. */
  readonly newTasks: readonly CarePlanTask[];
  readonly newCareTeamMembers: readonly CareTeamMember[];
  readonly referralsToMake: readonly ReferralToMake[];
}

export interface ApplyNeedsOptions {
  /** Where "today" is for due dates; defaults to UTC. */
  readonly timeZone?: string;
}

export interface ApplyNeedsResult<P extends CarePlan | undefined> {
  readonly plan: P;
  readonly changes: CarePlanChanges;
}

export class CarePlanMismatchError extends Error {
  constructor(readonly carePlanId: string) {
    super(`Care plan ${carePlanId} belongs to another client`);
    this.name = 'CarePlanMismatchError';
  }
}

/**
 * Folds assessed needs into a client's care plan. Idempotent per needId, so a redelivered NeedAssessed changes
 * nothing; a need of a category the plan already has is folded into that problem (reassessment) with only its urgent
 * task and referral added. Returns `plan: undefined` when there was no plan and nothing to plan (a negative screen).
 */
export function applyNeeds(
  plan: CarePlan,
  input: NeedsInput,
  assignments: RoleAssignments,
  now: Date,
  ids: () => string,
  options?: ApplyNeedsOptions,
): ApplyNeedsResult<CarePlan>;
export function applyNeeds(
  plan: CarePlan | undefined,
  input: NeedsInput,
  assignments: RoleAssignments,
  now: Date,
  ids: () => string,
  options?: ApplyNeedsOptions,
): ApplyNeedsResult<CarePlan | undefined>;
export function applyNeeds(
  plan: CarePlan | undefined,
  input: NeedsInput,
  assignments: RoleAssignments,
  now: Date,
  ids: () => string,
  options: ApplyNeedsOptions = {},
): ApplyNeedsResult<CarePlan | undefined> {
  if (plan && plan.clientId !== input.clientId) throw new CarePlanMismatchError(plan.carePlanId);
  const at = now.toISOString();
  const today = calendarDate(now, options.timeZone);

  const known = new Set((plan?.problems ?? []).flatMap((p) => p.needIds));
  const fresh: AssessedNeed[] = [];
  for (const need of input.needs) {
    if (known.has(need.needId)) continue;
    known.add(need.needId);
    fresh.push(need);
  }
  if (!plan && fresh.length === 0) return { plan: undefined, changes: emptyChanges() };

  const carePlanId = plan?.carePlanId ?? ids();
  const problems = [...(plan?.problems ?? [])];
  const goals = [...(plan?.goals ?? [])];
  const interventions = [...(plan?.interventions ?? [])];
  const tasks = [...(plan?.tasks ?? [])];

  const newProblems: CarePlanProblem[] = [];
  const updatedProblemIds = new Set<string>();
  const newGoals: CarePlanGoal[] = [];
  const newInterventions: CarePlanIntervention[] = [];
  const newTasks: CarePlanTask[] = [];
  const referralsToMake: ReferralToMake[] = [];

  for (const need of fresh) {
    const template = templateFor(need.category);
    const index = problems.findIndex((p) => p.category === need.category);
    const existing = index >= 0 ? problems[index] : undefined;
    let problem: CarePlanProblem;
    if (existing) {
      problem = {
        ...existing,
        needIds: [...existing.needIds, need.needId],
        assessedCodes: [...existing.assessedCodes, need.code],
        severity: need.severity,
        urgent: need.urgent,
        updatedAt: at,
      };
      problems[index] = problem;
      const fresher = newProblems.findIndex((p) => p.problemId === problem.problemId);
      if (fresher >= 0) newProblems[fresher] = problem;
      else updatedProblemIds.add(problem.problemId);
    } else {
      problem = {
        problemId: ids(),
        category: need.category,
        display: template.problem.display,
        code: template.problem.code,
        needIds: [need.needId],
        assessedCodes: [need.code],
        severity: need.severity,
        urgent: need.urgent,
        addedAt: at,
        updatedAt: at,
      };
      problems.push(problem);
      newProblems.push(problem);
      for (const g of template.goals) {
        const goal: CarePlanGoal = {
          goalId: ids(),
          problemId: problem.problemId,
          templateKey: g.key,
          description: g.description,
          targetMeasure: g.targetMeasure,
          // Template goals are proposals until agreed with the client (FHIR Goal.lifecycleStatus).
          lifecycleStatus: 'proposed',
          statusDate: at,
        };
        goals.push(goal);
        newGoals.push(goal);
      }
    }

    for (const iv of template.interventions) {
      // A referral intervention only when intake found the need calls for a community resource.
      if (iv.communityResourceReferral && !need.callsForCommunityResource) continue;
      if (interventions.some((x) => x.problemId === problem.problemId && x.templateKey === iv.key)) continue;
      const intervention: CarePlanIntervention = {
        interventionId: ids(),
        problemId: problem.problemId,
        templateKey: iv.key,
        kind: iv.kind,
        description: iv.description,
        communityResourceReferral: iv.communityResourceReferral,
        status: 'not-started',
      };
      interventions.push(intervention);
      newInterventions.push(intervention);
    }

    const planned = tasksForNeed(need).filter((t) => !existing || t.priority === 'urgent');
    for (const t of planned) {
      const alreadyOpen = tasks.some(
        (x) => x.problemId === problem.problemId && x.templateKey === t.templateKey && OPEN_TASK_STATUSES.has(x.status),
      );
      if (alreadyOpen) continue;
      const ownerId = assignments[t.ownerRole];
      const task: CarePlanTask = {
        taskId: ids(),
        carePlanId,
        clientId: input.clientId,
        problemId: problem.problemId,
        needId: need.needId,
        templateKey: t.templateKey,
        title: t.title,
        ownerRole: t.ownerRole,
        ...(ownerId ? { ownerId } : {}),
        priority: t.priority,
        status: 'open',
        dueDate: addDays(today, t.dueInDays),
        createdAt: at,
      };
      tasks.push(task);
      newTasks.push(task);
    }

    if (need.callsForCommunityResource) {
      referralsToMake.push({ needId: need.needId, needCategory: need.category, urgency: need.urgent ? 'urgent' : 'routine' });
    }
  }

  const { careTeam, newMembers } = mergeCareTeam(plan?.careTeam ?? [], assignments, at);

  const needsChanged = fresh.length > 0;
  const changed = needsChanged || newMembers.length > 0;
  const kind = !plan ? 'created' : needsChanged ? 'needs-added' : changed ? 'care-team-changed' : undefined;
  const changes: CarePlanChanges = {
    ...(kind ? { kind } : {}),
    newProblems,
    updatedProblems: problems.filter((p) => updatedProblemIds.has(p.problemId)),
    newGoals,
    newInterventions,
    newTasks,
    newCareTeamMembers: newMembers,
    referralsToMake,
  };
  if (plan && !changed) return { plan, changes };

  const next: CarePlan = {
    carePlanId,
    clientId: input.clientId,
    status: 'active',
    version: plan ? plan.version + 1 : 1,
    createdAt: plan?.createdAt ?? at,
    updatedAt: at,
    problems,
    goals,
    interventions,
    tasks,
    careTeam,
  };
  return { plan: next, changes };
}

function emptyChanges(): CarePlanChanges {
  return {
    newProblems: [],
    updatedProblems: [],
    newGoals: [],
    newInterventions: [],
    newTasks: [],
    newCareTeamMembers: [],
    referralsToMake: [],
  };
}

function mergeCareTeam(
  team: readonly CareTeamMember[],
  assignments: RoleAssignments,
  at: string,
): { careTeam: CareTeamMember[]; newMembers: CareTeamMember[] } {
  let careTeam = [...team];
  const newMembers: CareTeamMember[] = [];
  for (const role of ['care-manager', 'case-manager'] as const) {
    const managerId = assignments[role];
    if (!managerId) continue;
    const current = careTeam.filter((m) => m.role === role && !m.until);
    if (current.some((m) => m.managerId === managerId)) continue;
    // One current manager per role: the one taking over replaces the previous, whose membership is kept as history.
    careTeam = careTeam.map((m) => (m.role === role && !m.until ? { ...m, until: at } : m));
    const member: CareTeamMember = { managerId, role, since: at };
    careTeam.push(member);
    newMembers.push(member);
  }
  return { careTeam, newMembers };
}

/**
 * Gives unowned open tasks to the manager now assigned to their role (a manager became available after the need was
 * planned). Existing owners are left alone: moving a manager's work is a supervisor's decision.
 */
export function assignUnownedTasks(
  plan: CarePlan,
  assignments: RoleAssignments,
  now: Date,
): { plan: CarePlan; assignedTasks: CarePlanTask[] } {
  const assignedTasks: CarePlanTask[] = [];
  const tasks = plan.tasks.map((t) => {
    const ownerId = assignments[t.ownerRole];
    if (t.ownerId || !ownerId || !OPEN_TASK_STATUSES.has(t.status)) return t;
    const assigned = { ...t, ownerId };
    assignedTasks.push(assigned);
    return assigned;
  });
  if (assignedTasks.length === 0) return { plan, assignedTasks };
  return { plan: { ...plan, tasks, version: plan.version + 1, updatedAt: now.toISOString() }, assignedTasks };
}

/**
 * FHIR Goal lifecycle, as this platform allows it. entered-in-error is reachable from everywhere (a data fix, not a
 * clinical step) except itself; completed, cancelled, rejected and entered-in-error end a goal: a new goal is created
 * rather than a closed one reopened, so its history stays truthful.
 */
export const GOAL_TRANSITIONS: Readonly<Record<GoalLifecycleStatus, readonly GoalLifecycleStatus[]>> = {
  proposed: ['planned', 'accepted', 'rejected', 'cancelled', 'entered-in-error'],
  planned: ['accepted', 'active', 'cancelled', 'on-hold', 'entered-in-error'],
  accepted: ['active', 'on-hold', 'cancelled', 'entered-in-error'],
  active: ['on-hold', 'completed', 'cancelled', 'entered-in-error'],
  'on-hold': ['active', 'cancelled', 'entered-in-error'],
  completed: ['entered-in-error'],
  cancelled: ['entered-in-error'],
  rejected: ['entered-in-error'],
  'entered-in-error': [],
};

export function canTransitionGoal(from: GoalLifecycleStatus, to: GoalLifecycleStatus): boolean {
  return GOAL_TRANSITIONS[from].includes(to);
}

/** A refused goal transition; the HTTP layer answers 409 Conflict. Carries statuses and ids only. */
export class GoalTransitionError extends Error {
  constructor(
    readonly goalId: string,
    readonly from: GoalLifecycleStatus,
    readonly to: GoalLifecycleStatus,
  ) {
    super(`Goal ${goalId} cannot go from ${from} to ${to}`);
    this.name = 'GoalTransitionError';
  }
}

/** The goal is not in this plan; the HTTP layer answers 404. */
export class GoalNotFoundError extends Error {
  constructor(readonly goalId: string) {
    super(`Goal ${goalId} is not in this care plan`);
    this.name = 'GoalNotFoundError';
  }
}

export interface GoalChangeResult {
  readonly plan: CarePlan;
  readonly goal: CarePlanGoal;
  /** Ready to publish as a GoalStatusChanged payload. */
  readonly event: GoalStatusChangedV1;
}

function findGoal(plan: CarePlan, goalId: string): CarePlanGoal {
  const goal = plan.goals.find((g) => g.goalId === goalId);
  if (!goal) throw new GoalNotFoundError(goalId);
  return goal;
}

function withGoal(plan: CarePlan, goal: CarePlanGoal, at: string): CarePlan {
  return {
    ...plan,
    goals: plan.goals.map((g) => (g.goalId === goal.goalId ? goal : g)),
    version: plan.version + 1,
    updatedAt: at,
  };
}

export function changeGoalStatus(
  plan: CarePlan,
  goalId: string,
  to: GoalLifecycleStatus,
  achievementStatus: GoalAchievementStatus | undefined,
  actor: string,
  now: Date,
): GoalChangeResult {
  const current = findGoal(plan, goalId);
  const from = current.lifecycleStatus;
  if (!canTransitionGoal(from, to)) throw new GoalTransitionError(goalId, from, to);
  const at = now.toISOString();
  // A goal becoming active is being worked on; say so unless the caller knows better.
  const achievement = achievementStatus ?? current.achievementStatus ?? (to === 'active' ? 'in-progress' : undefined);
  const goal: CarePlanGoal = {
    ...current,
    lifecycleStatus: to,
    ...(achievement ? { achievementStatus: achievement } : {}),
    statusDate: at,
    statusChangedBy: actor,
  };
  return {
    plan: withGoal(plan, goal, at),
    goal,
    event: {
      carePlanId: plan.carePlanId,
      clientId: plan.clientId,
      goalId,
      from,
      to,
      ...(achievement ? { achievementStatus: achievement } : {}),
      changedBy: actor,
      changedAt: at,
    },
  };
}

const ACHIEVEMENT_RECORDABLE: ReadonlySet<GoalLifecycleStatus> = new Set<GoalLifecycleStatus>(['active', 'on-hold', 'completed']);

/**
 * Progress on a goal without a lifecycle move (improving, worsening, sustaining after completion). The event it
 * returns has from === to; publish it only if consumers should see progress.
 */
export function recordGoalAchievement(
  plan: CarePlan,
  goalId: string,
  achievementStatus: GoalAchievementStatus,
  actor: string,
  now: Date,
): GoalChangeResult {
  const current = findGoal(plan, goalId);
  const status = current.lifecycleStatus;
  if (!ACHIEVEMENT_RECORDABLE.has(status)) throw new GoalTransitionError(goalId, status, status);
  const at = now.toISOString();
  const goal: CarePlanGoal = { ...current, achievementStatus, statusDate: at, statusChangedBy: actor };
  return {
    plan: withGoal(plan, goal, at),
    goal,
    event: {
      carePlanId: plan.carePlanId,
      clientId: plan.clientId,
      goalId,
      from: status,
      to: status,
      achievementStatus,
      changedBy: actor,
      changedAt: at,
    },
  };
}

export interface WorklistItem extends CarePlanTask {
  readonly overdue: boolean;
}

/** A manager's open tasks: overdue first, then urgent, then by due date (task id last, for a stable order). */
export function worklist(tasks: readonly CarePlanTask[], managerId: string, now: Date, timeZone = 'UTC'): WorklistItem[] {
  const today = calendarDate(now, timeZone);
  return tasks
    .filter((t) => t.ownerId === managerId && OPEN_TASK_STATUSES.has(t.status))
    .map((t) => ({ ...t, overdue: t.dueDate < today }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        Number(b.priority === 'urgent') - Number(a.priority === 'urgent') ||
        a.dueDate.localeCompare(b.dueDate) ||
        a.taskId.localeCompare(b.taskId),
    );
}

/** The counts CarePlanUpdated carries (never the plan's text). */
export function carePlanCounts(plan: CarePlan): { problemCount: number; goalCount: number; openTaskCount: number } {
  return {
    problemCount: plan.problems.length,
    goalCount: plan.goals.length,
    openTaskCount: plan.tasks.filter((t) => OPEN_TASK_STATUSES.has(t.status)).length,
  };
}

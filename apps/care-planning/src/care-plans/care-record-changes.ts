import {
  CaseAssignedV1,
  GoalAchievementStatus,
  GoalLifecycleStatus,
  ManagerRole,
  NeedAssessedV1,
  ReferralMadeV1,
  ReferralStatus,
  ReferralStatusChangedV1,
  TaskAssignedV1,
} from '@careloop/contracts';
import { derivedId, derivedIdSequence } from '../common/derived-id';
import { SYSTEM_ACTOR_ID } from '../common/identifiers';
import { templateFor } from '../domain/care-plan-templates';
import {
  CarePlan,
  CarePlanTask,
  InterventionStatus,
  RoleAssignments,
  TaskStatus,
  applyNeeds,
  assignUnownedTasks,
  carePlanCounts,
  changeGoalStatus,
  recordGoalAchievement,
} from '../domain/care-plan';
import { ManagerAvailability, chooseAssignee, groupNeedsByRole, routeNeed } from '../domain/routing';
import {
  CarePlanChange,
  CareRecord,
  CaseAssignment,
  CaseRecord,
  Emissions,
  RecordChange,
  ReferralRecord,
  TrackedIntervention,
} from './care-record';

/** CaseAssigned carries at most 20 need ids; a long-lived case names its most recent ones. */
const MAX_EVENT_NEED_IDS = 20;
const OPEN_TASK: ReadonlySet<TaskStatus> = new Set<TaskStatus>(['open', 'in-progress']);

export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`Case ${caseId} not found`);
    this.name = 'CaseNotFoundError';
  }
}

export class CaseClosedError extends Error {
  constructor(readonly caseId: string) {
    super(`Case ${caseId} is closed`);
    this.name = 'CaseClosedError';
  }
}

export type AssigneeProblem = 'unknown-manager' | 'inactive-manager' | 'wrong-role';

/** The chosen assignee cannot take the case; the HTTP layer answers 400 on `assigneeId`. */
export class InvalidAssigneeError extends Error {
  constructor(readonly problem: AssigneeProblem) {
    super(`The assignee cannot take this case (${problem})`);
    this.name = 'InvalidAssigneeError';
  }
}

export class TaskNotFoundError extends Error {
  constructor(readonly taskId: string) {
    super(`Task ${taskId} not found`);
    this.name = 'TaskNotFoundError';
  }
}

export class NotTaskOwnerError extends Error {
  constructor(readonly taskId: string) {
    super(`Task ${taskId} belongs to another manager`);
    this.name = 'NotTaskOwnerError';
  }
}

export class TaskTransitionError extends Error {
  constructor(
    readonly taskId: string,
    readonly from: TaskStatus,
    readonly to: TaskStatus,
  ) {
    super(`Task ${taskId} cannot go from ${from} to ${to}`);
    this.name = 'TaskTransitionError';
  }
}

export class ReferralNotFoundError extends Error {
  constructor(readonly referralId: string) {
    super(`Referral ${referralId} is not on this care plan`);
    this.name = 'ReferralNotFoundError';
  }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function endCurrentAssignment(assignments: readonly CaseAssignment[], at: string): CaseAssignment[] {
  return assignments.map((a) => (a.until ? a : { ...a, until: at }));
}

function taskAssigned(task: CarePlanTask, ownerId: string, at: string): TaskAssignedV1 {
  return {
    taskId: task.taskId,
    carePlanId: task.carePlanId,
    clientId: task.clientId,
    ownerId,
    ownerRole: task.ownerRole,
    priority: task.priority,
    templateKey: task.templateKey,
    dueDate: task.dueDate,
    assignedAt: at,
  };
}

function withVersion(record: CareRecord, at: string): Pick<CareRecord, 'version' | 'updatedAt'> {
  return { version: record.version + 1, updatedAt: at };
}

function planUpdated(plan: CarePlan, change: CarePlanChange, at: string): NonNullable<Emissions['carePlanUpdated']> {
  return { carePlanId: plan.carePlanId, clientId: plan.clientId, version: plan.version, change, ...carePlanCounts(plan), updatedAt: at };
}

const NO_EMISSIONS: Emissions = { caseAssigned: [], taskAssigned: [], referralMade: [] };

export interface NeedAssessedInput {
  readonly eventId: string;
  readonly tenantId: string;
  readonly data: NeedAssessedV1;
  readonly record: CareRecord | undefined;
  readonly managers: readonly ManagerAvailability[];
  /** From intake's ClientRegistered / ConsentRecorded; false when unknown. */
  readonly consentToShare: boolean;
  readonly now: Date;
  readonly timeZone: string;
}

/**
 * Everything a NeedAssessed changes for one client, decided in memory: one case per role with its assignee (kept,
 * balanced or waiting for a manager), the plan folded with `applyNeeds`, tasks given to the case holders, a referral per
 * need that calls for a community resource. Ids derive from the event id, and needs already on the record are skipped,
 * so the same event applied twice yields `undefined` (nothing to write) the second time.
 */
export function planNeedAssessed(input: NeedAssessedInput): RecordChange | undefined {
  const { data, record, now } = input;
  const at = now.toISOString();
  const cases = [...(record?.cases ?? [])];
  const assignments: RoleAssignments = {};
  for (const c of cases) if (c.status === 'open' && c.assigneeId) assignments[c.role] = c.assigneeId;

  const caseAssigned: CaseAssignedV1[] = [];
  const handovers: Array<{ readonly needIds: readonly string[]; readonly from: string; readonly to: string }> = [];
  let casesChanged = false;

  for (const group of groupNeedsByRole(data.needs)) {
    const index = cases.findIndex((c) => c.role === group.role && c.status === 'open');
    const current = index >= 0 ? cases[index] : undefined;
    const fresh = group.needs.filter((n) => !current?.needIds.includes(n.needId));
    if (current?.assigneeId && fresh.length === 0) continue;
    const existing = current?.assigneeId ? [{ caseId: current.caseId, role: group.role, managerId: current.assigneeId, active: true }] : [];
    const choice = chooseAssignee(group.role, input.managers, existing, { preferredLanguage: data.context.preferredLanguage });
    if (choice.kind === 'unassigned' && current && !current.assigneeId && fresh.length === 0) continue;

    const needIds = [...(current?.needIds ?? []), ...fresh.map((n) => n.needId)];
    const base = {
      caseId: current?.caseId ?? derivedId(input.tenantId, input.eventId, 'case', group.role),
      role: group.role,
      status: 'open' as const,
      needIds,
      routingReasons: unique([...(current?.routingReasons ?? []), ...fresh.map((n) => routeNeed(n).reason)]),
      urgent: (current?.urgent ?? false) || fresh.some((n) => n.urgent),
      openedAt: current?.openedAt ?? at,
      updatedAt: at,
    };
    let next: CaseRecord;
    if (choice.kind === 'unassigned') {
      // Stored and visible to supervisors (GET /cases?unassigned=true); CaseAssigned waits until someone takes it.
      next = { ...base, assigned: false, reason: choice.reason, assignments: endCurrentAssignment(current?.assignments ?? [], at) };
      delete assignments[group.role];
    } else {
      const changesHands = current?.assigneeId !== choice.managerId;
      next = {
        ...base,
        assigneeId: choice.managerId,
        assigned: true,
        reason: choice.reason,
        assignedAt: changesHands ? at : (current?.assignedAt ?? at),
        assignments: changesHands
          ? [...endCurrentAssignment(current?.assignments ?? [], at), { assigneeId: choice.managerId, reason: choice.reason, since: at }]
          : (current?.assignments ?? []),
      };
      caseAssigned.push({
        caseId: next.caseId,
        clientId: data.clientId,
        // A new holder hears of every need of the case; a kept holder of the new ones.
        needIds: changesHands ? needIds.slice(-MAX_EVENT_NEED_IDS) : fresh.map((n) => n.needId),
        role: group.role,
        assigneeId: choice.managerId,
        ...(changesHands && current?.assigneeId ? { previousAssigneeId: current.assigneeId } : {}),
        reason: choice.reason,
        urgent: changesHands ? next.urgent : fresh.some((n) => n.urgent),
        assignedAt: at,
      });
      if (changesHands && current?.assigneeId) handovers.push({ needIds: current.needIds, from: current.assigneeId, to: choice.managerId });
      assignments[group.role] = choice.managerId;
    }
    if (current) cases[index] = next;
    else cases.push(next);
    casesChanged = true;
  }

  const applied = applyNeeds(
    record,
    { clientId: data.clientId, needs: data.needs },
    assignments,
    now,
    derivedIdSequence(input.tenantId, input.eventId, 'plan'),
    { timeZone: input.timeZone },
  );
  if (!applied.plan) return undefined;
  let plan: CarePlan = applied.plan;

  const assignedTasks = new Map<string, CarePlanTask>();
  for (const t of applied.changes.newTasks) if (t.ownerId) assignedTasks.set(t.taskId, t);
  if (handovers.length > 0) {
    plan = {
      ...plan,
      tasks: plan.tasks.map((t) => {
        const handover = handovers.find((h) => h.from === t.ownerId && h.needIds.includes(t.needId));
        if (!handover || !OPEN_TASK.has(t.status)) return t;
        const moved = { ...t, ownerId: handover.to };
        assignedTasks.set(moved.taskId, moved);
        return moved;
      }),
    };
  }
  const unowned = assignUnownedTasks(plan, assignments, now);
  plan = unowned.plan;
  for (const t of unowned.assignedTasks) assignedTasks.set(t.taskId, t);

  const interventions: TrackedIntervention[] = [...plan.interventions];
  const referrals: ReferralRecord[] = [...(record?.referrals ?? [])];
  const referralMade: ReferralMadeV1[] = [];
  for (const wanted of applied.changes.referralsToMake) {
    const need = data.needs.find((n) => n.needId === wanted.needId);
    const problem = plan.problems.find((p) => p.needIds.includes(wanted.needId));
    const referralId = derivedId(input.tenantId, input.eventId, 'referral', wanted.needId);
    if (!need || !problem || referrals.some((r) => r.referralId === referralId)) continue;
    const intervention = referralIntervention(interventions, problem.problemId, wanted.needCategory, referralId, input.eventId);
    const requestedAt = at;
    referrals.push({
      referralId,
      needId: wanted.needId,
      problemId: problem.problemId,
      interventionId: intervention.interventionId,
      category: wanted.needCategory,
      urgency: wanted.urgency,
      consentToShare: input.consentToShare,
      status: 'requested',
      requestedAt,
    });
    referralMade.push({
      referralId,
      clientId: data.clientId,
      carePlanId: plan.carePlanId,
      needId: wanted.needId,
      needCategory: wanted.needCategory,
      urgency: wanted.urgency,
      // Minimum necessary: language, age band and coarse area only; never scores, answers or codes.
      context: data.context,
      consentToShare: input.consentToShare,
      requestedBy: assignments[routeNeed(need).role] ?? SYSTEM_ACTOR_ID,
      requestedAt,
    });
  }

  const change: CarePlanChange | undefined =
    applied.changes.kind ?? (casesChanged || assignedTasks.size > 0 || referralMade.length > 0 ? 'care-team-changed' : undefined);
  if (!change) return undefined;

  const version = (record?.version ?? 0) + 1;
  const next: CareRecord = { ...plan, version, updatedAt: at, tenantId: input.tenantId, interventions, cases, referrals };
  return {
    record: next,
    change,
    emissions: {
      caseAssigned,
      carePlanUpdated: planUpdated(next, change, at),
      taskAssigned: [...assignedTasks.values()].map((t) => taskAssigned(t, t.ownerId as string, at)),
      referralMade,
    },
  };
}

/**
 * The intervention a referral fulfils: the problem's template referral intervention if it has no referral yet,
 * otherwise (a reassessment asks again, or the template has none) a new referral intervention, so each referral's
 * closed-loop status has its own place on the plan.
 */
function referralIntervention(
  interventions: TrackedIntervention[],
  problemId: string,
  category: ReferralRecord['category'],
  referralId: string,
  eventId: string,
): TrackedIntervention {
  const tracking = { referralId, referralStatus: 'requested' as const, status: interventionStatusOf('requested') };
  const free = interventions.findIndex((i) => i.problemId === problemId && i.communityResourceReferral && !i.referralId);
  if (free >= 0) {
    const linked = { ...interventions[free], ...tracking };
    interventions[free] = linked;
    return linked;
  }
  const template = templateFor(category).interventions.find((i) => i.communityResourceReferral);
  const added: TrackedIntervention = {
    interventionId: derivedId(eventId, 'referral-intervention', referralId),
    problemId,
    templateKey: template?.key ?? 'community-resource-referral',
    kind: 'referral',
    description: template?.description ?? 'Refer to a community resource',
    communityResourceReferral: true,
    ...tracking,
  };
  interventions.push(added);
  return added;
}

/** FHIR CarePlan activity status for a closed-loop referral status (Gravity SDOH Task status). */
export function interventionStatusOf(status: ReferralStatus): InterventionStatus {
  switch (status) {
    case 'draft':
      return 'not-started';
    case 'requested':
      return 'scheduled';
    case 'accepted':
    case 'in-progress':
    case 'on-hold':
      return 'in-progress';
    case 'completed':
      return 'completed';
    case 'rejected':
    case 'failed':
    case 'cancelled':
    case 'entered-in-error':
      return 'cancelled';
  }
}

/**
 * A supervisor hands a case to another manager of its role: the case, its open tasks and the care team change in the
 * one record. Returns `undefined` when the case already sits with that manager (a retried request).
 */
export function reassignCase(record: CareRecord, caseId: string, manager: ManagerAvailability | undefined, now: Date): RecordChange | undefined {
  const index = record.cases.findIndex((c) => c.caseId === caseId);
  if (index < 0) throw new CaseNotFoundError(caseId);
  const current = record.cases[index];
  if (current.status !== 'open') throw new CaseClosedError(caseId);
  if (!manager) throw new InvalidAssigneeError('unknown-manager');
  if (manager.role !== current.role) throw new InvalidAssigneeError('wrong-role');
  if (!manager.active) throw new InvalidAssigneeError('inactive-manager');
  if (current.assigneeId === manager.managerId) return undefined;

  const at = now.toISOString();
  const reason = 'supervisor-reassignment';
  const next: CaseRecord = {
    ...current,
    assigneeId: manager.managerId,
    assigned: true,
    reason,
    assignedAt: at,
    updatedAt: at,
    assignments: [...endCurrentAssignment(current.assignments, at), { assigneeId: manager.managerId, reason, since: at }],
  };
  const cases = record.cases.map((c, i) => (i === index ? next : c));
  const role: ManagerRole = current.role;
  // No new needs: applyNeeds only moves the care team (the new holder replaces the previous one of that role).
  const teamed = applyNeeds(record, { clientId: record.clientId, needs: [] }, { [role]: manager.managerId }, now, derivedIdSequence(caseId, at));
  const moved: CarePlanTask[] = [];
  const tasks = teamed.plan.tasks.map((t) => {
    if (!current.needIds.includes(t.needId) || !OPEN_TASK.has(t.status) || t.ownerId === manager.managerId) return t;
    const task = { ...t, ownerId: manager.managerId };
    moved.push(task);
    return task;
  });
  const nextRecord: CareRecord = { ...record, careTeam: teamed.plan.careTeam, tasks, cases, ...withVersion(record, at) };
  return {
    record: nextRecord,
    change: 'care-team-changed',
    emissions: {
      ...NO_EMISSIONS,
      caseAssigned: [
        {
          caseId,
          clientId: record.clientId,
          needIds: current.needIds.slice(-MAX_EVENT_NEED_IDS),
          role,
          assigneeId: manager.managerId,
          ...(current.assigneeId ? { previousAssigneeId: current.assigneeId } : {}),
          reason,
          urgent: current.urgent,
          assignedAt: at,
        },
      ],
      carePlanUpdated: planUpdated(nextRecord, 'care-team-changed', at),
      taskAssigned: moved.map((t) => taskAssigned(t, manager.managerId, at)),
    },
  };
}

export const TASK_TRANSITIONS: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  open: ['in-progress', 'completed', 'cancelled'],
  'in-progress': ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export interface TaskActor {
  readonly id: string;
  /** Supervisors act on any task; managers on their own. */
  readonly mayActForOthers: boolean;
}

/** Returns `undefined` when the task already has that status (a retried request). */
export function changeTaskStatus(record: CareRecord, taskId: string, to: TaskStatus, actor: TaskActor, now: Date): RecordChange | undefined {
  const task = record.tasks.find((t) => t.taskId === taskId);
  if (!task) throw new TaskNotFoundError(taskId);
  if (!actor.mayActForOthers && task.ownerId !== actor.id) throw new NotTaskOwnerError(taskId);
  if (task.status === to) return undefined;
  if (!TASK_TRANSITIONS[task.status].includes(to)) throw new TaskTransitionError(taskId, task.status, to);
  const at = now.toISOString();
  const next: CareRecord = {
    ...record,
    tasks: record.tasks.map((t) => (t.taskId === taskId ? { ...t, status: to } : t)),
    ...withVersion(record, at),
  };
  return { record: next, change: 'task-updated', emissions: { ...NO_EMISSIONS, carePlanUpdated: planUpdated(next, 'task-updated', at) } };
}

/**
 * A goal moves along the FHIR lifecycle (domain rules: a refused move throws GoalTransitionError, an unknown goal
 * GoalNotFoundError). Naming the goal's current status with an achievement status records progress without a move.
 */
export function changeGoal(
  record: CareRecord,
  goalId: string,
  to: GoalLifecycleStatus,
  achievementStatus: GoalAchievementStatus | undefined,
  actor: string,
  now: Date,
): RecordChange {
  const current = record.goals.find((g) => g.goalId === goalId);
  const result =
    current && current.lifecycleStatus === to && achievementStatus
      ? recordGoalAchievement(record, goalId, achievementStatus, actor, now)
      : changeGoalStatus(record, goalId, to, achievementStatus, actor, now);
  const at = now.toISOString();
  const next: CareRecord = { ...record, goals: result.plan.goals, ...withVersion(record, at) };
  return {
    record: next,
    change: 'goal-status-changed',
    emissions: { ...NO_EMISSIONS, goalStatusChanged: result.event, carePlanUpdated: planUpdated(next, 'goal-status-changed', at) },
  };
}

/**
 * The closed loop: resource-directory's status of a referral lands on the referral and its intervention. A repeated or
 * older status (by the time the organization changed it) changes nothing and returns `undefined`.
 */
export function applyReferralStatus(record: CareRecord, data: ReferralStatusChangedV1, now: Date): RecordChange | undefined {
  const referral = record.referrals.find((r) => r.referralId === data.referralId);
  if (!referral) throw new ReferralNotFoundError(data.referralId);
  const changedAt = Date.parse(data.changedAt);
  const known = referral.statusChangedAt ? Date.parse(referral.statusChangedAt) : undefined;
  if (known !== undefined && (changedAt < known || (changedAt === known && referral.status === data.status))) return undefined;

  const at = now.toISOString();
  const outcome = data.outcome ?? referral.outcome;
  const updated: ReferralRecord = {
    ...referral,
    status: data.status,
    ...(outcome ? { outcome } : {}),
    ...(data.statusReason ? { statusReason: data.statusReason } : {}),
    ...(data.serviceId ? { serviceId: data.serviceId } : {}),
    ...(data.organizationId ? { organizationId: data.organizationId } : {}),
    statusChangedAt: new Date(changedAt).toISOString(),
  };
  const next: CareRecord = {
    ...record,
    referrals: record.referrals.map((r) => (r.referralId === referral.referralId ? updated : r)),
    interventions: record.interventions.map((i) =>
      i.interventionId === referral.interventionId
        ? { ...i, referralStatus: data.status, ...(outcome ? { referralOutcome: outcome } : {}), status: interventionStatusOf(data.status) }
        : i,
    ),
    ...withVersion(record, at),
  };
  return { record: next, change: 'referral-updated', emissions: { ...NO_EMISSIONS, carePlanUpdated: planUpdated(next, 'referral-updated', at) } };
}

import { z } from 'zod';
import { Topics } from '../catalog/topics';
import { defineEvent } from '../envelope/event-definition';
import {
  GOAL_ACHIEVEMENT_STATUSES,
  GOAL_LIFECYCLE_STATUSES,
  MANAGER_ROLES,
  NEED_CATEGORIES,
  URGENCIES,
} from '../enums/domain';
import { ClientReferralContext, Id, Timestamp } from './common';

export const CaseAssignedV1 = z.object({
  caseId: Id,
  clientId: Id,
  needIds: z.array(Id).min(1).max(20),
  role: z.enum(MANAGER_ROLES),
  assigneeId: Id,
  previousAssigneeId: Id.optional(),
  /** A reason code: `caseload-balance`, `existing-assignment`, `supervisor-reassignment`, ... */
  reason: z.string().min(1).max(64),
  urgent: z.boolean(),
  assignedAt: Timestamp,
});
export type CaseAssignedV1 = z.infer<typeof CaseAssignedV1>;

export const CaseAssigned = defineEvent({
  name: 'CaseAssigned',
  version: 1,
  owner: 'care-planning',
  topic: Topics.CaseAssigned,
  description: "A client's needs were assigned (or reassigned) to a care manager or a case manager, with the reason.",
  schema: CaseAssignedV1,
  keyOf: (d) => d.clientId,
  keyDescription: 'clientId',
});

export const CarePlanUpdatedV1 = z.object({
  carePlanId: Id,
  clientId: Id,
  version: z.number().int().min(1),
  change: z.enum(['created', 'needs-added', 'goal-status-changed', 'task-updated', 'intervention-updated', 'care-team-changed', 'referral-updated']),
  problemCount: z.number().int().min(0),
  goalCount: z.number().int().min(0),
  openTaskCount: z.number().int().min(0),
  updatedAt: Timestamp,
});
export type CarePlanUpdatedV1 = z.infer<typeof CarePlanUpdatedV1>;

export const CarePlanUpdated = defineEvent({
  name: 'CarePlanUpdated',
  version: 1,
  owner: 'care-planning',
  topic: Topics.CarePlanUpdated,
  description: "A client's care plan was created or changed; carries the new version and counts, not the plan's text.",
  schema: CarePlanUpdatedV1,
  keyOf: (d) => d.clientId,
  keyDescription: 'clientId',
});

export const GoalStatusChangedV1 = z.object({
  carePlanId: Id,
  clientId: Id,
  goalId: Id,
  from: z.enum(GOAL_LIFECYCLE_STATUSES),
  to: z.enum(GOAL_LIFECYCLE_STATUSES),
  achievementStatus: z.enum(GOAL_ACHIEVEMENT_STATUSES).optional(),
  changedBy: Id,
  changedAt: Timestamp,
});
export type GoalStatusChangedV1 = z.infer<typeof GoalStatusChangedV1>;

export const GoalStatusChanged = defineEvent({
  name: 'GoalStatusChanged',
  version: 1,
  owner: 'care-planning',
  topic: Topics.GoalStatusChanged,
  description: 'A care-plan goal moved along the FHIR Goal lifecycle.',
  schema: GoalStatusChangedV1,
  keyOf: (d) => d.clientId,
  keyDescription: 'clientId',
});

export const TaskAssignedV1 = z.object({
  taskId: Id,
  carePlanId: Id,
  clientId: Id,
  ownerId: Id,
  ownerRole: z.enum(MANAGER_ROLES),
  priority: z.enum(URGENCIES),
  /** Template key of the task (e.g. `phq9-urgent-safety-check`), never free text about the client. */
  templateKey: z.string().min(1).max(64),
  dueDate: z.iso.date(),
  assignedAt: Timestamp,
});
export type TaskAssignedV1 = z.infer<typeof TaskAssignedV1>;

export const TaskAssigned = defineEvent({
  name: 'TaskAssigned',
  version: 1,
  owner: 'care-planning',
  topic: Topics.TaskAssigned,
  description: 'A care-plan task was assigned to a manager, with its priority and due date.',
  schema: TaskAssignedV1,
  keyOf: (d) => d.clientId,
  keyDescription: 'clientId',
});

export const ReferralMadeV1 = z.object({
  referralId: Id,
  clientId: Id,
  carePlanId: Id,
  needId: Id,
  needCategory: z.enum(NEED_CATEGORIES),
  urgency: z.enum(URGENCIES),
  context: ClientReferralContext,
  /** Whether the client consented to share these details with community organizations. */
  consentToShare: z.boolean(),
  requestedBy: Id,
  requestedAt: Timestamp,
});
export type ReferralMadeV1 = z.infer<typeof ReferralMadeV1>;

export const ReferralMade = defineEvent({
  name: 'ReferralMade',
  version: 1,
  owner: 'care-planning',
  topic: Topics.ReferralMade,
  description:
    'A need calls for a community resource: only what a receiving organization needs (category, urgency, language, age band, ' +
    'area), never clinical answers.',
  schema: ReferralMadeV1,
  keyOf: (d) => d.clientId,
  keyDescription: 'clientId',
});

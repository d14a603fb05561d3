import {
  CarePlanUpdatedV1,
  CaseAssignedV1,
  GoalStatusChangedV1,
  ManagerRole,
  NeedCategory,
  ReferralMadeV1,
  ReferralOutcome,
  ReferralStatus,
  TaskAssignedV1,
  Urgency,
} from '@careloop/contracts';
import { CarePlan, CarePlanIntervention } from '../domain/care-plan';
import { RoutingReason } from '../domain/routing';

/**
 * One client's care record: the care plan (problems, goals, interventions, tasks, care team), the client's cases (one
 * per manager role) and the referrals made for it, in ONE document. Everything a NeedAssessed, a reassignment or a
 * referral update changes for a client is then one conditional write carrying all its events (ADR 0001): a case
 * cannot be assigned without its tasks moving, nor a task exist without the CarePlanUpdated announcing it.
 */
export interface CareRecord extends CarePlan {
  readonly tenantId: string;
  readonly interventions: readonly TrackedIntervention[];
  readonly cases: readonly CaseRecord[];
  readonly referrals: readonly ReferralRecord[];
}

export type CarePlanChange = CarePlanUpdatedV1['change'];

/** A referral intervention remembers the referral fulfilling it, so the closed loop lands on the plan. */
export interface TrackedIntervention extends CarePlanIntervention {
  readonly referralId?: string;
  readonly referralStatus?: ReferralStatus;
  readonly referralOutcome?: ReferralOutcome;
}

export type CaseStatus = 'open' | 'closed';

export interface CaseAssignment {
  readonly assigneeId: string;
  /** `caseload-balance`, `existing-assignment`, `supervisor-reassignment`. */
  readonly reason: string;
  readonly since: string;
  readonly until?: string;
}

/** The client's needs of one role, and who holds them. */
export interface CaseRecord {
  readonly caseId: string;
  readonly role: ManagerRole;
  readonly status: CaseStatus;
  /** Absent while no manager of the role is available (reason `no-manager-available`). */
  readonly assigneeId?: string;
  /** Mirrors `assigneeId !== undefined`, so "unassigned" is an equality query on every server. */
  readonly assigned: boolean;
  readonly needIds: readonly string[];
  readonly routingReasons: readonly RoutingReason[];
  /** Why the case is where it is: the latest assignment reason, or `no-manager-available`. */
  readonly reason: string;
  readonly urgent: boolean;
  readonly openedAt: string;
  readonly assignedAt?: string;
  readonly updatedAt: string;
  /** Everyone who held the case, newest last; the caseload repair reads it (see CaseloadService). */
  readonly assignments: readonly CaseAssignment[];
}

export interface ReferralRecord {
  readonly referralId: string;
  readonly needId: string;
  readonly problemId: string;
  readonly interventionId: string;
  readonly category: NeedCategory;
  readonly urgency: Urgency;
  readonly consentToShare: boolean;
  readonly status: ReferralStatus;
  readonly outcome?: ReferralOutcome;
  /** The receiving organization's words; internal to the care team. */
  readonly statusReason?: string;
  readonly serviceId?: string;
  readonly organizationId?: string;
  readonly requestedAt: string;
  /** When the receiving side last changed the status (its clock, so only its own updates are compared with it). */
  readonly statusChangedAt?: string;
}

/** A compact entry of the plan's history: one per stored version. */
export interface PlanVersionEntry {
  readonly version: number;
  readonly at: string;
  readonly change: CarePlanChange;
  readonly actor: string;
}

/** The events one change announces, in the order they are published (all from the record's own outbox). */
export interface Emissions {
  readonly caseAssigned: readonly CaseAssignedV1[];
  readonly carePlanUpdated?: CarePlanUpdatedV1;
  readonly goalStatusChanged?: GoalStatusChangedV1;
  readonly taskAssigned: readonly TaskAssignedV1[];
  readonly referralMade: readonly ReferralMadeV1[];
}

/** A decided change of a care record: its next state, what to call it, and its events. */
export interface RecordChange {
  readonly record: CareRecord;
  readonly change: CarePlanChange;
  readonly emissions: Emissions;
}

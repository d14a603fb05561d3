import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MANAGER_ROLES, ManagerRole, URGENCIES, Urgency } from '@careloop/contracts';
import { CarePlanGoal, CarePlanProblem, CarePlanTask, CareTeamMember, TASK_STATUSES, TaskStatus, WorklistItem } from '../../domain/care-plan';
import { CareRecord, CaseRecord, PlanVersionEntry, ReferralRecord, TrackedIntervention } from '../care-record';

export class TaskView {
  @ApiProperty() taskId!: string;
  @ApiProperty() carePlanId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty() problemId!: string;
  @ApiProperty() needId!: string;
  @ApiProperty({ example: 'food-emergency-same-day' }) templateKey!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: MANAGER_ROLES }) ownerRole!: ManagerRole;
  @ApiPropertyOptional({ description: 'Absent while no manager of the role is available' }) ownerId?: string;
  @ApiProperty({ enum: URGENCIES }) priority!: Urgency;
  @ApiProperty({ enum: TASK_STATUSES }) status!: TaskStatus;
  @ApiProperty({ example: '2026-12-01', description: 'Calendar date in the care team time zone' }) dueDate!: string;
  @ApiProperty() createdAt!: string;
}

export class WorklistItemView extends TaskView {
  @ApiProperty({ description: 'Due before today' }) overdue!: boolean;
}

export class TaskChangeView {
  @ApiProperty() carePlanId!: string;
  @ApiProperty({ description: 'The plan version after the change' }) version!: number;
  @ApiProperty({ type: TaskView }) task!: TaskView;
}

export class GoalChangeView {
  @ApiProperty() carePlanId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'The goal after the change (FHIR Goal lifecycle and achievement)' }) goal!: CarePlanGoal;
}

export class CarePlanView {
  @ApiProperty() carePlanId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ enum: ['active'] }) status!: 'active';
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: [Object], description: 'Problems (coded needs), one per need category' }) problems!: CarePlanProblem[];
  @ApiProperty({ type: [Object], description: 'Goals with FHIR lifecycle and achievement status' }) goals!: CarePlanGoal[];
  @ApiProperty({ type: [Object], description: 'Interventions; referral interventions carry the closed-loop status' })
  interventions!: TrackedIntervention[];
  @ApiProperty({ type: [TaskView] }) tasks!: TaskView[];
  @ApiProperty({ type: [Object], description: 'Care team: current and former managers per role' }) careTeam!: CareTeamMember[];
  @ApiProperty({ type: [Object], description: "The client's cases, one per manager role" }) cases!: CaseRecord[];
  @ApiProperty({ type: [Object], description: 'Referrals to community organizations and their status' }) referrals!: ReferralRecord[];
  @ApiProperty({ type: [Object], description: 'One entry per version: {version, at, change, actor}' }) history!: PlanVersionEntry[];
}

export function toTaskView(t: CarePlanTask): TaskView {
  return { ...t };
}

export function toWorklistItemView(t: WorklistItem): WorklistItemView {
  return { ...t };
}

export function toCarePlanView(record: CareRecord, history: readonly PlanVersionEntry[]): CarePlanView {
  return {
    carePlanId: record.carePlanId,
    clientId: record.clientId,
    status: record.status,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    problems: [...record.problems],
    goals: [...record.goals],
    interventions: [...record.interventions],
    tasks: record.tasks.map(toTaskView),
    careTeam: [...record.careTeam],
    cases: [...record.cases],
    referrals: [...record.referrals],
    history: [...history],
  };
}

import { Prop, Schema as NestSchema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin, WithOutbox } from '@careloop/messaging';
import { HydratedDocument, Schema } from 'mongoose';
import { CaseRecord, PlanVersionEntry, ReferralRecord, TrackedIntervention } from '../care-record';
import { CarePlanGoal, CarePlanProblem, CarePlanTask, CareTeamMember } from '../../domain/care-plan';

// Timestamps inside the plan are ISO strings, as the domain functions produce and the events carry them.
const str = { type: String, required: true } as const;
const optStr = { type: String } as const;

const CodeSchema = new Schema({ system: str, code: str, display: optStr }, { _id: false });

const ProblemSchema = new Schema<CarePlanProblem>(
  {
    problemId: str,
    category: str,
    display: str,
    code: { type: CodeSchema, required: true },
    needIds: { type: [String], default: [] },
    assessedCodes: { type: [CodeSchema], default: [] },
    severity: str,
    urgent: { type: Boolean, required: true },
    addedAt: str,
    updatedAt: str,
  },
  { _id: false },
);

const GoalSchema = new Schema<CarePlanGoal>(
  {
    goalId: str,
    problemId: str,
    templateKey: str,
    description: str,
    targetMeasure: str,
    lifecycleStatus: str,
    achievementStatus: optStr,
    statusDate: str,
    statusChangedBy: optStr,
  },
  { _id: false },
);

const InterventionSchema = new Schema<TrackedIntervention>(
  {
    interventionId: str,
    problemId: str,
    templateKey: str,
    kind: str,
    description: str,
    communityResourceReferral: { type: Boolean, required: true },
    status: str,
    referralId: optStr,
    referralStatus: optStr,
    referralOutcome: optStr,
  },
  { _id: false },
);

const TaskSchema = new Schema<CarePlanTask>(
  {
    taskId: str,
    carePlanId: str,
    clientId: str,
    problemId: str,
    needId: str,
    templateKey: str,
    title: str,
    ownerRole: str,
    ownerId: optStr,
    priority: str,
    status: str,
    dueDate: str,
    createdAt: str,
  },
  { _id: false },
);

const CareTeamMemberSchema = new Schema<CareTeamMember>({ managerId: str, role: str, since: str, until: optStr }, { _id: false });

const CaseAssignmentSchema = new Schema({ assigneeId: str, reason: str, since: str, until: optStr }, { _id: false });

const CaseSchema = new Schema<CaseRecord>(
  {
    caseId: str,
    role: str,
    status: str,
    assigneeId: optStr,
    assigned: { type: Boolean, required: true },
    needIds: { type: [String], default: [] },
    routingReasons: { type: [String], default: [] },
    reason: str,
    urgent: { type: Boolean, required: true },
    openedAt: str,
    assignedAt: optStr,
    updatedAt: str,
    assignments: { type: [CaseAssignmentSchema], default: [] },
  },
  { _id: false },
);

const ReferralSchema = new Schema<ReferralRecord>(
  {
    referralId: str,
    needId: str,
    problemId: str,
    interventionId: str,
    category: str,
    urgency: str,
    consentToShare: { type: Boolean, required: true },
    status: str,
    outcome: optStr,
    statusReason: optStr,
    serviceId: optStr,
    organizationId: optStr,
    requestedAt: str,
    statusChangedAt: optStr,
  },
  { _id: false },
);

const VersionEntrySchema = new Schema<PlanVersionEntry>({ version: { type: Number, required: true }, at: str, change: str, actor: str }, { _id: false });

/**
 * One client's care record (see CareRecord): `_id` is the care plan id, one per client and tenant. `version` is the
 * plan's version and the optimistic-concurrency token of every write; `history` gets one compact entry per version.
 */
@NestSchema({ collection: 'care_plans', versionKey: false })
export class CareRecordEntity {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) clientId!: string;
  @Prop({ type: String, required: true }) status!: 'active';
  @Prop({ required: true }) version!: number;
  @Prop({ type: String, required: true }) createdAt!: string;
  @Prop({ type: String, required: true }) updatedAt!: string;
  @Prop({ type: [ProblemSchema], default: [] }) problems!: CarePlanProblem[];
  @Prop({ type: [GoalSchema], default: [] }) goals!: CarePlanGoal[];
  @Prop({ type: [InterventionSchema], default: [] }) interventions!: TrackedIntervention[];
  @Prop({ type: [TaskSchema], default: [] }) tasks!: CarePlanTask[];
  @Prop({ type: [CareTeamMemberSchema], default: [] }) careTeam!: CareTeamMember[];
  @Prop({ type: [CaseSchema], default: [] }) cases!: CaseRecord[];
  @Prop({ type: [ReferralSchema], default: [] }) referrals!: ReferralRecord[];
  @Prop({ type: [VersionEntrySchema], default: [] }) history!: PlanVersionEntry[];
}

export type CareRecordDocument = HydratedDocument<CareRecordEntity & WithOutbox>;
export const CareRecordSchema = SchemaFactory.createForClass(CareRecordEntity);
CareRecordSchema.plugin(outboxPlugin);
CareRecordSchema.index({ tenantId: 1, clientId: 1 }, { unique: true, name: 'care_plan_per_client' });
CareRecordSchema.index({ tenantId: 1, 'cases.caseId': 1 });
CareRecordSchema.index({ tenantId: 1, 'cases.assigneeId': 1 });
CareRecordSchema.index({ tenantId: 1, 'cases.assigned': 1 });
CareRecordSchema.index({ tenantId: 1, 'tasks.taskId': 1 });
CareRecordSchema.index({ tenantId: 1, 'tasks.ownerId': 1 });
CareRecordSchema.index({ tenantId: 1, 'referrals.referralId': 1 });

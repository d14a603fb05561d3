import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { InstrumentCode, NeedCategory, NeedDomain, NeedSeverity } from '@careloop/contracts';
import { outboxPlugin, WithOutbox } from '@careloop/messaging';
import { HydratedDocument, Schema as MongooseSchema } from 'mongoose';
import type { DomainResult } from '../instruments';

/** One answer as submitted, with the item's LOINC question code (FHIR QuestionnaireResponse.item). */
@Schema({ _id: false })
export class AssessmentAnswer {
  @Prop({ required: true }) itemKey!: string;
  @Prop({ required: true }) loinc!: string;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) value!: number | string;
  @Prop() answerCode?: string;
}

@Schema({ _id: false })
export class ObservationSource {
  @Prop({ required: true }) instrumentLoinc!: string;
  @Prop() assessmentId?: string;
}

/** One Observation per answer (FHIR Observation with `derivedFrom` the assessment). */
@Schema({ _id: false })
export class AssessmentObservation {
  @Prop({ required: true }) loinc!: string;
  @Prop({ required: true }) itemKey!: string;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) value!: number | string;
  @Prop() answerCode?: string;
  @Prop() points?: number;
  @Prop() dataAbsentReason?: 'asked-declined';
  @Prop({ type: ObservationSource, required: true }) derivedFrom!: ObservationSource;
}

/** The instrument's derived result (total, HVS risk, AHC safety score) as an Observation. */
@Schema({ _id: false })
export class DerivedResult {
  @Prop({ required: true }) loinc!: string;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) value!: number | string;
  @Prop() answerCode?: string;
}

@Schema({ _id: false })
export class StoredCode {
  @Prop({ required: true }) system!: string;
  @Prop({ required: true }) code!: string;
  @Prop() display?: string;
}

/** An identified need (FHIR Condition-like), with the id care planning will refer to. */
@Schema({ _id: false })
export class IdentifiedNeed {
  @Prop({ required: true }) needId!: string;
  @Prop({ type: String, required: true }) domain!: NeedDomain;
  @Prop({ type: String, required: true }) category!: NeedCategory;
  @Prop({ type: String, required: true }) severity!: NeedSeverity;
  @Prop({ required: true }) urgent!: boolean;
  @Prop() urgentReason?: string;
  @Prop({ type: StoredCode, required: true }) code!: StoredCode;
  @Prop({ required: true }) callsForCommunityResource!: boolean;
}

/**
 * A completed screening (FHIR QuestionnaireResponse-like): the answers, the observations derived from them, the score
 * and the needs it identified. Raw answers stay in intake; only needs and the result leave in `NeedAssessed`.
 */
@Schema({ collection: 'assessments', versionKey: false, timestamps: true })
export class Assessment {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) clientId!: string;
  @Prop({ type: String, required: true, default: 'completed' }) status!: 'completed';
  @Prop({ type: String, required: true }) instrument!: InstrumentCode;
  /** LOINC code identifying the instrument (QuestionnaireResponse.questionnaire). */
  @Prop({ required: true }) instrumentLoinc!: string;
  @Prop({ type: [AssessmentAnswer], default: [] }) answers!: AssessmentAnswer[];
  @Prop({ type: [AssessmentObservation], default: [] }) observations!: AssessmentObservation[];
  @Prop() total?: number;
  @Prop() band?: string;
  @Prop({ required: true }) positive!: boolean;
  @Prop({ type: String }) followUp?: InstrumentCode;
  @Prop({ type: DerivedResult }) totalObservation?: DerivedResult;
  /** Per-domain results of multi-domain screens (AHC HRSN). */
  @Prop({ type: MongooseSchema.Types.Mixed }) domains?: Record<string, DomainResult>;
  @Prop({ type: [IdentifiedNeed], default: [] }) needs!: IdentifiedNeed[];
  @Prop({ required: true }) urgent!: boolean;
  @Prop({ type: [String], default: [] }) urgentReasons!: string[];
  /** When the client completed the screening (QuestionnaireResponse.authored). */
  @Prop({ required: true }) completedAt!: Date;
  /** Who recorded it (subject of the token) and when it reached intake. */
  @Prop({ required: true }) recordedBy!: string;
  @Prop({ required: true }) recordedAt!: Date;
  createdAt?: Date;
  updatedAt?: Date;
}

export type AssessmentDocument = HydratedDocument<Assessment & WithOutbox>;
export const AssessmentSchema = SchemaFactory.createForClass(Assessment);
AssessmentSchema.plugin(outboxPlugin);
// A client's assessments, newest first, always within one tenant.
AssessmentSchema.index({ tenantId: 1, clientId: 1, recordedAt: -1 });

import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { INSTRUMENTS, NEED_CATEGORIES, NEED_DOMAINS, NEED_SEVERITIES, type InstrumentCode } from '@careloop/contracts';
import type { NeedCategory, NeedDomain, NeedSeverity } from '@careloop/contracts';
import type { DomainResult } from '../instruments';
import { Assessment } from '../schemas/assessment.schema';

const ANSWER_VALUE: ApiPropertyOptions = { oneOf: [{ type: 'number' }, { type: 'string' }] };

export class AnswerViewDto {
  @ApiProperty({ example: 'self-harm-thoughts' }) itemKey!: string;
  @ApiProperty({ description: 'LOINC question code of the item', example: '44260-8' }) loinc!: string;
  @ApiProperty(ANSWER_VALUE) value!: number | string;
  @ApiPropertyOptional({ description: 'LOINC answer code (LA...)' }) answerCode?: string;
}

export class ObservationSourceDto {
  @ApiProperty() instrumentLoinc!: string;
  @ApiPropertyOptional() assessmentId?: string;
}

export class ObservationViewDto {
  @ApiProperty() loinc!: string;
  @ApiProperty() itemKey!: string;
  @ApiProperty(ANSWER_VALUE) value!: number | string;
  @ApiPropertyOptional() answerCode?: string;
  @ApiPropertyOptional() points?: number;
  @ApiPropertyOptional({ enum: ['asked-declined'] }) dataAbsentReason?: 'asked-declined';
  @ApiProperty({ type: ObservationSourceDto }) derivedFrom!: ObservationSourceDto;
}

export class DerivedResultDto {
  @ApiProperty() loinc!: string;
  @ApiProperty(ANSWER_VALUE) value!: number | string;
  @ApiPropertyOptional() answerCode?: string;
}

export class CodingDto {
  @ApiProperty({ example: 'http://snomed.info/sct' }) system!: string;
  @ApiProperty({ example: '6471006' }) code!: string;
  @ApiPropertyOptional() display?: string;
}

export class NeedViewDto {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty({ enum: NEED_DOMAINS }) domain!: NeedDomain;
  @ApiProperty({ enum: NEED_CATEGORIES }) category!: NeedCategory;
  @ApiProperty({ enum: NEED_SEVERITIES }) severity!: NeedSeverity;
  @ApiProperty({ description: 'Escalate now, whatever the total (e.g. PHQ-9 item 9, reported violence)' }) urgent!: boolean;
  @ApiPropertyOptional({ example: 'phq9-item9-positive' }) urgentReason?: string;
  @ApiProperty({ type: CodingDto }) code!: CodingDto;
  @ApiProperty() callsForCommunityResource!: boolean;
}

/** What the API returns for an assessment (QuestionnaireResponse-like), without storage internals. */
export class AssessmentViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: ['completed'] }) status!: 'completed';
  @ApiProperty({ enum: INSTRUMENTS }) instrument!: InstrumentCode;
  @ApiProperty({ description: 'LOINC code identifying the instrument' }) instrumentLoinc!: string;
  @ApiProperty({ type: [AnswerViewDto] }) answers!: AnswerViewDto[];
  @ApiProperty({ type: [ObservationViewDto] }) observations!: ObservationViewDto[];
  @ApiPropertyOptional() total?: number;
  @ApiPropertyOptional({ example: 'moderate' }) band?: string;
  @ApiProperty({ description: 'Cut-off met, or a single answer escalated' }) positive!: boolean;
  @ApiPropertyOptional({ enum: INSTRUMENTS, description: 'Instrument to administer next' }) followUp?: InstrumentCode;
  @ApiPropertyOptional({ type: DerivedResultDto }) totalObservation?: DerivedResultDto;
  @ApiPropertyOptional({ description: 'Per-domain results (AHC HRSN)', type: 'object', additionalProperties: true })
  domains?: Record<string, DomainResult>;
  @ApiProperty({ type: [NeedViewDto] }) needs!: NeedViewDto[];
  @ApiProperty() urgent!: boolean;
  @ApiProperty({ type: [String] }) urgentReasons!: string[];
  @ApiProperty({ format: 'date-time' }) completedAt!: string;
  @ApiProperty({ description: 'Subject of the user who recorded it' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export function toAssessmentView(a: Assessment): AssessmentViewDto {
  return {
    id: a._id,
    clientId: a.clientId,
    status: a.status,
    instrument: a.instrument,
    instrumentLoinc: a.instrumentLoinc,
    answers: a.answers,
    observations: a.observations,
    total: a.total,
    band: a.band,
    positive: a.positive,
    followUp: a.followUp,
    totalObservation: a.totalObservation,
    domains: a.domains,
    needs: a.needs,
    urgent: a.urgent,
    urgentReasons: a.urgentReasons,
    completedAt: new Date(a.completedAt).toISOString(),
    recordedBy: a.recordedBy,
    recordedAt: new Date(a.recordedAt).toISOString(),
  };
}

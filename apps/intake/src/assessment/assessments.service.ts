import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AssessedNeed, NeedAssessed } from '@careloop/contracts';
import { EventFactory } from '@careloop/messaging';
import { FieldError, RequestValidationError } from '@careloop/runtime';
import { AuditService, Principal } from '@careloop/security';
import { ageBandOf, serviceAreaOf } from '../clients/client-rules';
import { ClientsRepository } from '../clients/clients.repository';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentViewDto, toAssessmentView } from './dto/assessment-view.dto';
import { AnswerProblem, scoreAssessment, SubmitAssessmentDto, validateAnswers } from './instruments';
import { Assessment } from './schemas/assessment.schema';

/** A tablet's clock may run a little ahead of ours; further ahead is a typo, not a screening from the future. */
export const COMPLETED_AT_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** How many of a client's assessments one listing returns, newest first. */
export const ASSESSMENT_LIST_LIMIT = 100;

const RESOURCE_TYPE = 'Assessment';

/** Groups per-instrument problems into the global validation pipe's shape: one entry per field, in order. */
export function toFieldErrors(problems: readonly AnswerProblem[]): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const { field, message } of problems) {
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  return [...byField].map(([field, messages]) => ({ field, messages }));
}

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly repository: AssessmentsRepository,
    private readonly clients: ClientsRepository,
    private readonly events: EventFactory,
    private readonly audit: AuditService,
  ) {}

  async submit(principal: Principal, clientId: string, dto: SubmitAssessmentDto): Promise<AssessmentViewDto> {
    const now = new Date();
    // Everything about the submission is checked before anything is read or stored: a bad answer set leaves no trace.
    const problems = validateAnswers(dto.instrument, dto.answers);
    const completedAt = dto.completedAt ? new Date(dto.completedAt) : now;
    if (completedAt.getTime() > now.getTime() + COMPLETED_AT_CLOCK_SKEW_MS) {
      problems.push({ field: 'completedAt', message: 'completedAt must not be in the future' });
    }
    if (problems.length > 0) throw new RequestValidationError(toFieldErrors(problems));

    const client = await this.clients.findById(principal.tenantId, clientId);
    // Another tenant's client is indistinguishable from a missing one.
    if (!client) throw new NotFoundException('Client not found');

    const id = randomUUID();
    const scored = scoreAssessment(dto.instrument, dto.answers, { assessmentId: id });
    const needs: AssessedNeed[] = scored.needs.map((need) => ({ needId: randomUUID(), ...need }));

    const assessment: Assessment = {
      _id: id,
      tenantId: principal.tenantId,
      clientId,
      status: 'completed',
      instrument: scored.instrument,
      instrumentLoinc: scored.instrumentLoinc,
      answers: scored.observations.map((o) => ({
        itemKey: o.itemKey,
        loinc: o.loinc,
        value: o.value,
        ...(o.answerCode ? { answerCode: o.answerCode } : {}),
      })),
      observations: scored.observations,
      total: scored.total,
      band: scored.band,
      positive: scored.positive,
      followUp: scored.followUp,
      totalObservation: scored.totalObservation,
      domains: scored.domains,
      needs,
      urgent: scored.urgent,
      urgentReasons: scored.urgentReasons,
      completedAt,
      recordedBy: principal.subject,
      recordedAt: now,
    };
    // The event carries needs and the result, never the answers: consumers route needs, they do not re-score.
    const event = this.events.create(NeedAssessed, {
      assessmentId: id,
      clientId,
      instrument: scored.instrument,
      instrumentLoinc: scored.instrumentLoinc,
      completedAt: completedAt.toISOString(),
      result: { total: scored.total, band: scored.band, positive: scored.positive },
      needs,
      context: {
        preferredLanguage: client.preferredLanguage,
        ageBand: ageBandOf(client.birthDate, now),
        area: serviceAreaOf(client.address),
      },
      consentToShare: client.consent.shareWithCommunityOrganizations,
    });
    await this.repository.insert(assessment, [event]);
    await this.audit.record({ action: 'create', resourceType: RESOURCE_TYPE, resourceId: id, clientId });
    return toAssessmentView(assessment);
  }

  async listForClient(principal: Principal, clientId: string): Promise<AssessmentViewDto[]> {
    const client = await this.clients.findById(principal.tenantId, clientId);
    if (!client) throw new NotFoundException('Client not found');
    const assessments = await this.repository.listForClient(principal.tenantId, clientId, ASSESSMENT_LIST_LIMIT);
    // One entry for the listing: it discloses every assessment of this client, whichever ids it held.
    await this.audit.record({ action: 'read', resourceType: RESOURCE_TYPE, resourceId: '*', clientId });
    return assessments.map(toAssessmentView);
  }

  async get(principal: Principal, id: string): Promise<AssessmentViewDto> {
    const assessment = await this.repository.findById(principal.tenantId, id);
    if (!assessment) throw new NotFoundException('Assessment not found');
    await this.audit.record({ action: 'read', resourceType: RESOURCE_TYPE, resourceId: id, clientId: assessment.clientId });
    return toAssessmentView(assessment);
  }
}

import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Roles } from '@careloop/contracts';
import { RequestValidationError } from '@careloop/runtime';
import { AuditService, Principal } from '@careloop/security';
import { CareRecordWriter } from '../care-plans/care-record-writer.service';
import { CareRecordsRepository } from '../care-plans/care-records.repository';
import { reassignCase } from '../care-plans/care-record-changes';
import { toHttpError } from '../care-plans/care-plan-http-errors';
import { actorIdOf } from '../common/identifiers';
import { CaseloadService } from '../managers/caseload.service';
import { ManagersRepository } from '../managers/managers.repository';
import { CaseView, toCaseView } from './dto/case-view.dto';
import { ListCasesQueryDto } from './dto/list-cases-query.dto';
import { ReassignCaseDto } from './dto/reassign-case.dto';

function seesEveryCase(principal: Principal): boolean {
  return principal.roles.includes(Roles.Supervisor) || principal.roles.includes(Roles.Admin);
}

@Injectable()
export class CasesService {
  constructor(
    private readonly records: CareRecordsRepository,
    private readonly writer: CareRecordWriter,
    private readonly managers: ManagersRepository,
    private readonly caseloads: CaseloadService,
    private readonly audit: AuditService,
  ) {}

  /** A manager lists their own open cases; supervisors and admins anyone's, and the unassigned ones. */
  async list(principal: Principal, query: ListCasesQueryDto): Promise<CaseView[]> {
    const own = actorIdOf(principal.subject);
    const all = seesEveryCase(principal);
    if (!all && (query.unassigned || (query.assigneeId !== undefined && query.assigneeId !== own))) {
      await this.audit.record({ action: 'access-denied', resourceType: 'Case', resourceId: 'list', outcome: 'denied' });
      throw new ForbiddenException('Managers list their own cases only');
    }
    const isManager = principal.roles.some((r) => r === Roles.CareManager || r === Roles.CaseManager);
    if (all && !isManager && !query.unassigned && query.assigneeId === undefined) {
      // A supervisor holds no cases: listing "their own" would always be empty and look like a bug.
      throw new RequestValidationError([
        { field: 'assigneeId', messages: ['assigneeId or unassigned=true is required for a supervisor or admin'] },
      ]);
    }
    const filter = query.unassigned ? ({ unassigned: true } as const) : { assigneeId: query.assigneeId ?? own };
    const found = await this.records.findCases(principal.tenantId, filter);
    await this.audit.record({
      action: 'search',
      resourceType: 'Case',
      resourceId: 'unassigned' in filter ? 'unassigned' : `assignee:${filter.assigneeId}`,
    });
    return found.flatMap((r) =>
      r.cases
        .filter((c) => c.status === 'open' && ('unassigned' in filter ? !c.assigned : c.assigneeId === filter.assigneeId))
        .map((c) => toCaseView(c, r.clientId, r.carePlanId)),
    );
  }

  /**
   * A supervisor hands a case to another manager: case, open tasks and care team change in one write with
   * CaseAssigned, TaskAssigned and CarePlanUpdated; caseloads follow (idempotently, so a retried request repairs them).
   */
  async reassign(principal: Principal, caseId: string, dto: ReassignCaseDto): Promise<CaseView> {
    const target = await this.managers.find(principal.tenantId, dto.assigneeId);
    const availability = target
      ? { managerId: target.managerId, role: target.role, active: target.active, openCaseCount: target.openCaseCount }
      : undefined;
    const record = await this.writer
      .mutate(
        () => this.records.findByCaseId(principal.tenantId, caseId),
        (current) => reassignCase(current, caseId, availability, new Date()),
        actorIdOf(principal.subject),
      )
      .catch((err: unknown) => Promise.reject(toHttpError(err)));
    if (!record) throw new NotFoundException('Case not found');
    const reassigned = record.cases.find((c) => c.caseId === caseId);
    if (!reassigned) throw new NotFoundException('Case not found');
    await this.caseloads.sync(principal.tenantId, [reassigned]);
    await this.audit.record({ action: 'update', resourceType: 'Case', resourceId: caseId, clientId: record.clientId, reason: dto.reason });
    return toCaseView(reassigned, record.clientId, record.carePlanId);
  }
}

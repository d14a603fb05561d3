import { Injectable } from '@nestjs/common';
import { ManagersRepository } from './managers.repository';

/** The part of a case the caseload depends on. */
export interface CaseloadSubject {
  readonly caseId: string;
  readonly status: 'open' | 'closed';
  readonly assigneeId?: string;
  /** Everyone who ever held the case. */
  readonly assignments: readonly { readonly assigneeId: string }[];
}

/**
 * Keeps managers' caseloads in line with cases. Cases and managers are different documents and there are no
 * multi-document transactions, so the case is written first and the caseload follows; every step here is idempotent,
 * so running it again after a crash (a redelivered event, a retried request) repairs a half-applied change.
 */
@Injectable()
export class CaseloadService {
  constructor(private readonly managers: ManagersRepository) {}

  async sync(tenantId: string, cases: readonly CaseloadSubject[]): Promise<void> {
    for (const c of cases) {
      const holder = c.status === 'open' ? c.assigneeId : undefined;
      if (holder) await this.managers.countCase(tenantId, holder, c.caseId);
      const former = new Set(c.assignments.map((a) => a.assigneeId).filter((id) => id !== holder));
      for (const managerId of former) await this.managers.releaseCase(tenantId, managerId, c.caseId);
    }
  }
}

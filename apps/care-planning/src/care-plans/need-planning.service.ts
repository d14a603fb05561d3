import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope, NeedAssessedV1 } from '@careloop/contracts';
import { ENV } from '@careloop/observability';
import { AuditService } from '@careloop/security';
import { ClientProfilesRepository } from '../client-profiles/client-profiles.repository';
import { SYSTEM_ACTOR_ID } from '../common/identifiers';
import { CarePlanningEnv } from '../config/care-planning.env';
import { CaseloadService } from '../managers/caseload.service';
import { ManagersRepository } from '../managers/managers.repository';
import { CareRecord } from './care-record';
import { planNeedAssessed } from './care-record-changes';
import { CareRecordWriter } from './care-record-writer.service';
import { CareRecordsRepository } from './care-records.repository';

/**
 * Applies a NeedAssessed: cases, care plan, tasks and referrals in the client's record (one write with all its
 * events), then the managers' caseloads. Safe to run twice for the same event: the second run finds its needs on the
 * record and writes nothing, and the caseload steps are idempotent, so a crash anywhere in between is repaired by the
 * redelivery.
 */
@Injectable()
export class NeedPlanningService {
  constructor(
    private readonly records: CareRecordsRepository,
    private readonly writer: CareRecordWriter,
    private readonly managers: ManagersRepository,
    private readonly profiles: ClientProfilesRepository,
    private readonly caseloads: CaseloadService,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: CarePlanningEnv,
  ) {}

  async onNeedAssessed(event: EventEnvelope<NeedAssessedV1>): Promise<void> {
    const tenantId = event.tenantid;
    const { clientId } = event.data;
    // A negative screen plans nothing.
    if (event.data.needs.length === 0) return;

    const record = await this.writer.retrying<CareRecord | undefined>(async () => {
      const current = (await this.records.findByClient(tenantId, clientId)) ?? undefined;
      const [managers, consentToShare] = await Promise.all([
        this.managers.availability(tenantId),
        this.profiles.consentToShare(tenantId, clientId),
      ]);
      const change = planNeedAssessed({
        eventId: event.id,
        tenantId,
        data: event.data,
        record: current,
        managers,
        // Consent as intake recorded it with the assessment, else the copy kept from intake's events; unknown consent is
        // no consent: the referral is matched, its details not shared.
        consentToShare: event.data.consentToShare ?? consentToShare ?? false,
        now: new Date(),
        timeZone: this.env.CARE_TEAM_TIME_ZONE,
      });
      if (!change) return { done: true, value: current };
      if (!(await this.writer.write(current, change, SYSTEM_ACTOR_ID, [tenantId, event.id]))) return { done: false };
      await this.audit.record({
        action: current ? 'update' : 'create',
        resourceType: 'CarePlan',
        resourceId: change.record.carePlanId,
        clientId,
        reason: 'need-assessed',
      });
      return { done: true, value: change.record };
    });
    if (record) await this.caseloads.sync(tenantId, record.cases);
  }
}

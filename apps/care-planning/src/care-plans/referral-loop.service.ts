import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, ReferralStatusChangedV1 } from '@careloop/contracts';
import { AuditService } from '@careloop/security';
import { SYSTEM_ACTOR_ID } from '../common/identifiers';
import { applyReferralStatus } from './care-record-changes';
import { CareRecordWriter } from './care-record-writer.service';
import { CareRecordsRepository } from './care-records.repository';

/** Closes the referral loop: resource-directory's status lands on the referral intervention of the client's plan. */
@Injectable()
export class ReferralLoopService {
  private readonly logger = new Logger(ReferralLoopService.name);

  constructor(
    private readonly records: CareRecordsRepository,
    private readonly writer: CareRecordWriter,
    private readonly audit: AuditService,
  ) {}

  async onReferralStatusChanged(event: EventEnvelope<ReferralStatusChangedV1>): Promise<void> {
    const tenantId = event.tenantid;
    const { clientId, referralId } = event.data;
    await this.writer.retrying(async () => {
      const record = await this.records.findByReferral(tenantId, clientId, referralId);
      if (!record) {
        // Not a referral this service made (resource-directory also takes referrals from elsewhere): nothing to close.
        this.logger.warn(`referral ${referralId} is on no care plan of tenant ${tenantId}; status ignored`);
        return { done: true, value: undefined };
      }
      const change = applyReferralStatus(record, event.data, new Date());
      if (!change) return { done: true, value: undefined };
      if (!(await this.writer.write(record, change, SYSTEM_ACTOR_ID, [tenantId, event.id]))) return { done: false };
      await this.audit.record({
        action: 'update',
        resourceType: 'CarePlan',
        resourceId: record.carePlanId,
        clientId,
        reason: 'referral-status-changed',
      });
      return { done: true, value: undefined };
    });
  }
}

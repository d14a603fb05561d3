import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ReferralReceived } from '@careloop/contracts';
import { EventFactory } from '@careloop/messaging';
import { AuditService, Principal } from '@careloop/security';
import { ClientsRepository } from '../clients/clients.repository';
import { RecordReferralDto } from './dto/record-referral.dto';
import { ReferralViewDto, toReferralView } from './dto/referral-view.dto';
import { ReferralsRepository } from './referrals.repository';
import { Referral } from './schemas/referral.schema';

/** How many of a client's referrals one listing returns, newest first. */
export const REFERRAL_LIST_LIMIT = 100;

const RESOURCE_TYPE = 'Referral';

@Injectable()
export class ReferralsService {
  constructor(
    private readonly repository: ReferralsRepository,
    private readonly clients: ClientsRepository,
    private readonly events: EventFactory,
    private readonly audit: AuditService,
  ) {}

  async record(principal: Principal, clientId: string, dto: RecordReferralDto): Promise<ReferralViewDto> {
    const client = await this.clients.findById(principal.tenantId, clientId);
    // Another tenant's client is indistinguishable from a missing one.
    if (!client) throw new NotFoundException('Client not found');
    const now = new Date();
    const id = randomUUID();
    const referral: Referral = {
      _id: id,
      tenantId: principal.tenantId,
      clientId,
      source: dto.source,
      ...(dto.reasonCode ? { reasonCode: { ...dto.reasonCode } } : {}),
      ...(dto.note !== undefined ? { note: dto.note } : {}),
      receivedAt: now,
      recordedBy: principal.subject,
    };
    // The note is free text that may say anything about the client: it never leaves intake.
    const event = this.events.create(ReferralReceived, {
      referralId: id,
      clientId,
      source: dto.source,
      receivedAt: now.toISOString(),
      ...(dto.reasonCode ? { reasonCode: { ...dto.reasonCode } } : {}),
    });
    await this.repository.insert(referral, [event]);
    await this.audit.record({ action: 'create', resourceType: RESOURCE_TYPE, resourceId: id, clientId });
    return toReferralView(referral);
  }

  async listForClient(principal: Principal, clientId: string): Promise<ReferralViewDto[]> {
    const client = await this.clients.findById(principal.tenantId, clientId);
    if (!client) throw new NotFoundException('Client not found');
    const referrals = await this.repository.listForClient(principal.tenantId, clientId, REFERRAL_LIST_LIMIT);
    // One entry for the listing: it discloses every referral of this client.
    await this.audit.record({ action: 'read', resourceType: RESOURCE_TYPE, resourceId: '*', clientId });
    return referrals.map(toReferralView);
  }
}

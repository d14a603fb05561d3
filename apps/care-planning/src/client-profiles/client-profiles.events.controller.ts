import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { ClientRegistered, ConsentRecorded, Topics } from '@careloop/contracts';
import { ReliableConsumer, topicName } from '@careloop/messaging';
import { AuditService } from '@careloop/security';
import { ClientProfilesRepository } from './client-profiles.repository';

/** Keeps care-planning's copy of each client's consent to share with community organizations. */
@Controller()
export class ClientProfilesEventsController {
  constructor(
    private readonly consumer: ReliableConsumer,
    private readonly profiles: ClientProfilesRepository,
    private readonly audit: AuditService,
  ) {}

  @EventPattern(topicName(Topics.ClientRegistered))
  async onClientRegistered(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(context, ClientRegistered, 'consent-from-registration', async (event) => {
      const { clientId, consent, registeredAt } = event.data;
      await this.keep(event.tenantid, clientId, consent.shareWithCommunityOrganizations, registeredAt);
    });
  }

  @EventPattern(topicName(Topics.ConsentRecorded))
  async onConsentRecorded(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(context, ConsentRecorded, 'consent-from-consent-change', async (event) => {
      const { clientId, consent, recordedAt } = event.data;
      await this.keep(event.tenantid, clientId, consent.shareWithCommunityOrganizations, recordedAt);
    });
  }

  private async keep(tenantId: string, clientId: string, consentToShare: boolean, at: string): Promise<void> {
    await this.profiles.recordConsent(tenantId, clientId, consentToShare, new Date(at));
    await this.audit.record({ action: 'update', resourceType: 'ClientConsentCopy', resourceId: clientId, clientId });
  }
}
